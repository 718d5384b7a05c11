import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, In, type Repository } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import { ChannelMembershipEntity } from './channel-membership.entity';
import { type Role } from './role';
import { type UserListFilter } from './user-list.filter';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  isOperator?: boolean;
}

export interface UserChanges {
  displayName?: string;
  disabled?: boolean;
  passwordHash?: string;
  isOperator?: boolean;
}

// List sort fields to SQL; `current` is the membership in the channel being listed.
const SORT_COLUMNS: Record<string, string> = {
  id: 'account.id',
  email: 'account.email',
  displayName: 'account.displayName',
  role: 'current.role',
  disabled: 'account.disabled',
  createdAt: 'account.createdAt',
  updatedAt: 'account.updatedAt',
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Every query on users and channel memberships. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ChannelMembershipEntity)
    private readonly memberships: Repository<ChannelMembershipEntity>,
  ) {}

  /** The user with memberships and their channels, as login answers it. */
  findByEmailWithChannels(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('account')
      .leftJoinAndSelect('account.memberships', 'membership')
      .leftJoinAndSelect('membership.channel', 'channel')
      .where('account.email = :email', { email })
      .orderBy('channel.name', 'ASC')
      .getOne();
  }

  findByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { email });
  }

  /** Users with a role in the channel; each carries only that membership. */
  async pageInChannel(
    channelId: string,
    filter: UserListFilter,
    query: ListQuery,
  ): Promise<Page<UserEntity>> {
    const builder = this.users
      .createQueryBuilder('account')
      .innerJoinAndSelect('account.memberships', 'current', 'current.channelId = :channelId', {
        channelId,
      });
    if (filter.q !== undefined && filter.q !== '') {
      const pattern = likePattern(filter.q);
      builder.andWhere(
        new Brackets((where) =>
          where
            .where('account.email ILIKE :pattern', { pattern })
            .orWhere('account.displayName ILIKE :pattern', { pattern }),
        ),
      );
    }
    if (filter.role !== undefined) {
      builder.andWhere('current.role IN (:...roles)', { roles: filter.role });
    }
    if (filter.disabled !== undefined) {
      builder.andWhere('account.disabled = :disabled', { disabled: filter.disabled });
    }
    if (filter.id !== undefined) {
      builder.andWhere('account.id IN (:...ids)', { ids: filter.id });
    }
    const column = SORT_COLUMNS[query.sort.field] ?? 'account.email';
    // The join is one row per user (one membership per channel), so OFFSET/LIMIT are exact.
    const [items, total] = await builder
      .orderBy(column, query.sort.order)
      .addOrderBy('account.id', query.sort.order)
      .offset(query.range.start)
      .limit(query.range.end - query.range.start + 1)
      .getManyAndCount();
    return { items, total };
  }

  /** The user when they have a role in the channel; null otherwise (foreign ids look missing). */
  findInChannel(id: string, channelId: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('account')
      .innerJoin('account.memberships', 'current', 'current.channelId = :channelId', { channelId })
      .where('account.id = :id', { id })
      .getOne();
  }

  /** Like findInChannel, and locks the user row until the transaction ends. */
  lockInChannel(manager: EntityManager, id: string, channelId: string): Promise<UserEntity | null> {
    return manager
      .createQueryBuilder(UserEntity, 'account')
      .innerJoin('account.memberships', 'current', 'current.channelId = :channelId', { channelId })
      .where('account.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['account'])
      .getOne();
  }

  /** The user by email, locked until the transaction ends (null when there is none). */
  lockByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager
      .createQueryBuilder(UserEntity, 'account')
      .where('account.email = :email', { email })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Every channel the user belongs to, whoever asks: for checks, never for answers. */
  async channelIdsOf(userId: string, manager?: EntityManager): Promise<string[]> {
    const repository = manager?.getRepository(ChannelMembershipEntity) ?? this.memberships;
    const rows = await repository.find({
      select: { channelId: true },
      where: { userId },
      order: { channelId: 'ASC' },
    });
    return rows.map((row) => row.channelId);
  }

  /** Memberships of these users in these channels, in one query. */
  membershipsOf(
    userIds: readonly string[],
    channelIds: readonly string[],
    manager?: EntityManager,
  ): Promise<ChannelMembershipEntity[]> {
    if (userIds.length === 0 || channelIds.length === 0) {
      return Promise.resolve([]);
    }
    const repository = manager?.getRepository(ChannelMembershipEntity) ?? this.memberships;
    return repository.find({
      where: { userId: In([...userIds]), channelId: In([...channelIds]) },
      order: { channelId: 'ASC' },
    });
  }

  async insertUser(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    return manager.save(manager.create(UserEntity, user));
  }

  /** Applies the changes and bumps the version, even when only memberships changed. */
  async updateUser(manager: EntityManager, id: string, changes: UserChanges): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async findById(manager: EntityManager, id: string): Promise<UserEntity> {
    return manager.findOneByOrFail(UserEntity, { id });
  }

  async setMembership(
    manager: EntityManager,
    userId: string,
    channelId: string,
    role: Role,
  ): Promise<void> {
    await manager.upsert(ChannelMembershipEntity, { userId, channelId, role }, [
      'userId',
      'channelId',
    ]);
  }

  async removeMembership(manager: EntityManager, userId: string, channelId: string): Promise<void> {
    await manager.delete(ChannelMembershipEntity, { userId, channelId });
  }
}
