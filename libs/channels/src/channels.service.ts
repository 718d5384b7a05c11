import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';

import { type AuditActor, AuditService } from '@app/audit';
import { type ListQuery, type Page, SecretBox } from '@app/common';
import { TransactionRunner } from '@app/database';

import { type ChannelListFilter } from './channel-list.filter';
import { channelAuditSnapshot, toChannelResponse } from './channel.dto';
import { ChannelEntity } from './channel.entity';
import { ChannelsErrorCode, ChannelsException } from './channels.exception';

export interface CreateChannelInput {
  name: string;
  channelPublicId: string;
  kakaoAppId?: string;
  restApiKey?: string;
  adminKey?: string;
  clientSecret?: string;
  timeZone?: string;
  approvalRequired?: boolean;
}

export interface UpdateChannelInput {
  version: number;
  name?: string;
  timeZone?: string;
  quietHoursStart?: string;
  quietHoursEnd?: string;
  approvalRequired?: boolean;
  restApiKey?: string;
  adminKey?: string;
  clientSecret?: string;
}

export interface KakaoAppCredentials {
  restApiKey?: string;
  adminKey?: string;
  clientSecret?: string;
}

const SORT_COLUMNS: Record<string, string> = {
  id: 'channel.id',
  name: 'channel.name',
  channelPublicId: 'channel.channelPublicId',
  createdAt: 'channel.createdAt',
};

// Settings copied as they are from the input to the entity.
const PLAIN_SETTINGS = [
  'name',
  'timeZone',
  'quietHoursStart',
  'quietHoursEnd',
  'approvalRequired',
] as const;

const SEALED_KEYS = [
  ['restApiKey', 'restApiKeySealed'],
  ['adminKey', 'adminKeySealed'],
  ['clientSecret', 'clientSecretSealed'],
] as const;

function notFound(id: string): ChannelsException {
  return new ChannelsException(ChannelsErrorCode.NotFound, `Channel ${id} not found`);
}

@Injectable()
export class ChannelsService {
  constructor(
    @InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  list(): Promise<ChannelEntity[]> {
    return this.channels.find({ order: { name: 'ASC' } });
  }

  /** One page of the given channels (the caller's), in the simple-rest list format. */
  async listAmong(
    ids: readonly string[],
    query: ListQuery<ChannelListFilter>,
  ): Promise<Page<ChannelEntity>> {
    if (ids.length === 0) {
      return { items: [], total: 0 };
    }
    const { filter } = query;
    const builder = this.channels
      .createQueryBuilder('channel')
      .where('channel.id IN (:...ids)', { ids: [...ids] });
    if (filter.id !== undefined) {
      builder.andWhere('channel.id IN (:...wanted)', { wanted: filter.id });
    }
    if (filter.q !== undefined && filter.q !== '') {
      builder.andWhere('channel.name ILIKE :pattern', {
        pattern: `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
      });
    }
    const [items, total] = await builder
      .orderBy(SORT_COLUMNS[query.sort.field] ?? 'channel.name', query.sort.order)
      .addOrderBy('channel.id', query.sort.order)
      .offset(query.range.start)
      .limit(query.range.end - query.range.start + 1)
      .getManyAndCount();
    return { items, total };
  }

  findByPublicId(channelPublicId: string): Promise<ChannelEntity | null> {
    return this.channels.findOneBy({ channelPublicId });
  }

  async get(id: string): Promise<ChannelEntity> {
    const channel = await this.channels.findOneBy({ id });
    if (!channel) {
      throw notFound(id);
    }
    return channel;
  }

  /** Creates the channel, or updates the one with the same public id (idempotent seeding). */
  async upsert(input: CreateChannelInput): Promise<ChannelEntity> {
    const existing = await this.findByPublicId(input.channelPublicId);
    const channel = existing ?? this.channels.create({ channelPublicId: input.channelPublicId });
    channel.name = input.name;
    channel.kakaoAppId = input.kakaoAppId ?? channel.kakaoAppId ?? null;
    channel.restApiKeySealed = this.seal(input.restApiKey) ?? channel.restApiKeySealed ?? null;
    channel.adminKeySealed = this.seal(input.adminKey) ?? channel.adminKeySealed ?? null;
    channel.clientSecretSealed =
      this.seal(input.clientSecret) ?? channel.clientSecretSealed ?? null;
    channel.timeZone = input.timeZone ?? channel.timeZone ?? 'Asia/Seoul';
    channel.approvalRequired = input.approvalRequired ?? channel.approvalRequired ?? true;
    return this.channels.save(channel);
  }

  /**
   * Changes settings under optimistic concurrency (a stale `version` answers 409 with the current
   * record) and records the change in the audit log in the same transaction. Keys given are
   * sealed; keys omitted stay as they are.
   */
  async update(id: string, input: UpdateChannelInput, actor: AuditActor): Promise<ChannelEntity> {
    return this.transactions.run(async (manager) => {
      const channel = await manager.findOne(ChannelEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!channel) {
        throw notFound(id);
      }
      if (channel.version !== input.version) {
        throw new ChannelsException(
          ChannelsErrorCode.VersionConflict,
          `Channel ${id} was changed by someone else (version ${channel.version}, you sent ${input.version})`,
          { details: { current: toChannelResponse(channel) } },
        );
      }
      const before = channelAuditSnapshot(channel);
      let changed = false;
      for (const setting of PLAIN_SETTINGS) {
        const value = input[setting];
        if (value !== undefined && value !== channel[setting]) {
          Object.assign(channel, { [setting]: value });
          changed = true;
        }
      }
      if (channel.quietHoursStart === channel.quietHoursEnd) {
        throw new ChannelsException(
          ChannelsErrorCode.InvalidSettings,
          'Quiet hours must start and end at different times',
          { errors: { quietHoursEnd: 'must differ from quietHoursStart' } },
        );
      }
      const keysReplaced: string[] = [];
      for (const [key, column] of SEALED_KEYS) {
        const sealed = this.seal(input[key]);
        if (sealed !== undefined) {
          channel[column] = sealed;
          keysReplaced.push(key);
        }
      }
      if (!changed && keysReplaced.length === 0) {
        return channel;
      }
      const saved = await manager.save(channel);
      await this.audit.record(manager, {
        actor,
        action: 'channel.update',
        entityType: 'channel',
        entityId: id,
        channelId: id,
        before,
        after: {
          ...channelAuditSnapshot(saved),
          ...(keysReplaced.length > 0 ? { keysReplaced } : {}),
        },
      });
      return saved;
    });
  }

  /** The channel's Kakao app keys in clear text, for the Kakao client only. */
  credentials(channel: ChannelEntity): KakaoAppCredentials {
    return {
      restApiKey: this.unseal(channel.restApiKeySealed),
      adminKey: this.unseal(channel.adminKeySealed),
      clientSecret: this.unseal(channel.clientSecretSealed),
    };
  }

  private seal(value: string | undefined): string | undefined {
    return value === undefined ? undefined : this.secretBox.encrypt(value);
  }

  private unseal(value: string | null): string | undefined {
    return value === null ? undefined : this.secretBox.decrypt(value);
  }
}
