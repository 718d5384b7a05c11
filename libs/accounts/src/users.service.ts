import { Injectable } from '@nestjs/common';
import { type EntityManager, QueryFailedError } from 'typeorm';

import { type AuditActor, AuditService, systemActor } from '@app/audit';
import { type ListQuery, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';

import { AccountsErrorCode, AccountsException } from './accounts.exception';
import { type AuthenticatedUser } from './auth.types';
import { normalizeEmail } from './email';
import {
  diffMemberships,
  isEmptyDiff,
  type MembershipDiff,
  type MembershipRole,
} from './membership-diff';
import { PasswordHasher } from './password-hasher';
import { Role } from './role';
import { SessionsRepository } from './sessions.repository';
import { type UserEntity } from './user.entity';
import { toUserResponse, type UserRecord } from './users.dto';
import { parseUserListFilter } from './users.query';
import { type UserChanges, UsersRepository } from './users.repository';

/** The channel an admin acts in, and every channel they administer. */
export interface UserAdminScope {
  channelId: string;
  /** The only channels whose roles the caller may grant, change or see besides the current one. */
  administeredChannelIds: readonly string[];
}

export function userAdminScope(caller: AuthenticatedUser, channelId: string): UserAdminScope {
  return {
    channelId,
    administeredChannelIds: caller.channels
      .filter((channel) => channel.role === Role.Admin)
      .map((channel) => channel.channelId),
  };
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  memberships: MembershipRole[];
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  disabled?: boolean;
  password?: string;
  memberships?: MembershipRole[];
}

/** A user as the seed and test factories want them, created or brought up to date. */
export interface ProvisionUserInput {
  email: string;
  displayName: string;
  password: string;
  memberships: MembershipRole[];
}

const UNIQUE_VIOLATION = '23505';

function visibleChannels(scope: UserAdminScope): string[] {
  return [...new Set([scope.channelId, ...scope.administeredChannelIds])];
}

/** What the audit trail shows of a user; never the password hash. */
function userSnapshot(user: UserEntity): Record<string, unknown> {
  return { email: user.email, displayName: user.displayName, disabled: user.disabled };
}

function notFound(id: string): AccountsException {
  return new AccountsException(AccountsErrorCode.UserNotFound, `User ${id} not found`);
}

function invalidMemberships(field: string, reason: string): AccountsException {
  return new AccountsException(AccountsErrorCode.InvalidMemberships, `${field}: ${reason}`, {
    errors: { [field]: reason },
  });
}

function emailTaken(): AccountsException {
  return new AccountsException(AccountsErrorCode.EmailTaken, 'A user with this email exists', {
    errors: { email: 'is already taken' },
  });
}

function checkMemberships(
  scope: UserAdminScope,
  memberships: readonly MembershipRole[],
  requireCurrentChannel: boolean,
): void {
  const seen = new Set<string>();
  memberships.forEach((membership, index) => {
    const field = `memberships.${index}.channelId`;
    if (seen.has(membership.channelId)) {
      throw invalidMemberships(field, 'lists a channel twice');
    }
    if (!scope.administeredChannelIds.includes(membership.channelId)) {
      throw invalidMemberships(field, 'is not a channel you administer');
    }
    seen.add(membership.channelId);
  });
  if (requireCurrentChannel && !seen.has(scope.channelId)) {
    throw invalidMemberships('memberships', 'must include the current channel');
  }
}

/** Console users and their channel roles, as admins manage them; every change is audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Users with a role in the current channel. */
  async list(scope: UserAdminScope, query: ListQuery): Promise<Page<UserRecord>> {
    const page = await this.users.pageInChannel(
      scope.channelId,
      parseUserListFilter(query.filter),
      query,
    );
    const memberships = await this.users.membershipsOf(
      page.items.map((user) => user.id),
      visibleChannels(scope),
    );
    return {
      total: page.total,
      items: page.items.map((user) => ({
        user,
        memberships: memberships.filter((membership) => membership.userId === user.id),
      })),
    };
  }

  /** A user of the current channel; users of other channels answer 404 like unknown ids. */
  async get(scope: UserAdminScope, id: string): Promise<UserRecord> {
    const user = await this.users.findInChannel(id, scope.channelId);
    if (!user) {
      throw notFound(id);
    }
    return { user, memberships: await this.users.membershipsOf([id], visibleChannels(scope)) };
  }

  async create(
    scope: UserAdminScope,
    input: CreateUserInput,
    actor: AuditActor,
  ): Promise<UserRecord> {
    checkMemberships(scope, input.memberships, true);
    const email = normalizeEmail(input.email);
    // Hash before the transaction: argon2 takes ~100 ms and needs no row locks.
    const passwordHash = await this.passwords.hash(input.password);
    return this.transactions.run(async (manager) => {
      const user = await this.insertUser(manager, {
        email,
        displayName: input.displayName,
        passwordHash,
      });
      await this.audit.record(manager, {
        actor,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        channelId: scope.channelId,
        after: userSnapshot(user),
      });
      await this.applyMemberships(
        manager,
        user.id,
        diffMemberships([], input.memberships, scope.administeredChannelIds),
        actor,
      );
      return {
        user,
        memberships: await this.users.membershipsOf([user.id], visibleChannels(scope), manager),
      };
    });
  }

  /**
   * Updates a user of the current channel under optimistic concurrency: a stale `version`
   * answers 409 with the current record. A password reset or disabling ends their sessions.
   */
  async update(
    scope: UserAdminScope,
    id: string,
    input: UpdateUserInput,
    actor: AuditActor,
  ): Promise<UserRecord> {
    if (input.memberships !== undefined) {
      checkMemberships(scope, input.memberships, false);
    }
    const passwordHash =
      input.password === undefined ? undefined : await this.passwords.hash(input.password);
    return this.transactions.run(async (manager) => {
      const user = await this.users.lockInChannel(manager, id, scope.channelId);
      if (!user) {
        throw notFound(id);
      }
      const current = await this.users.membershipsOf([id], visibleChannels(scope), manager);
      if (user.version !== input.version) {
        throw new AccountsException(
          AccountsErrorCode.VersionConflict,
          `User ${id} was changed by someone else (version ${user.version}, you sent ${input.version})`,
          { details: { current: toUserResponse({ user, memberships: current }, scope.channelId) } },
        );
      }
      const changes: UserChanges = {};
      if (input.displayName !== undefined && input.displayName !== user.displayName) {
        changes.displayName = input.displayName;
      }
      if (input.disabled !== undefined && input.disabled !== user.disabled) {
        changes.disabled = input.disabled;
      }
      if (passwordHash !== undefined) {
        changes.passwordHash = passwordHash;
      }
      const membershipDiff = diffMemberships(
        current,
        input.memberships ?? current,
        scope.administeredChannelIds,
      );
      if (actor.userId === id && (changes.disabled === true || !isEmptyDiff(membershipDiff))) {
        throw new AccountsException(
          AccountsErrorCode.SelfLockout,
          'You cannot disable yourself or change your own roles; ask another admin',
          {
            errors:
              changes.disabled === true
                ? { disabled: 'you cannot disable yourself' }
                : { memberships: 'you cannot change your own roles' },
          },
        );
      }
      if (Object.keys(changes).length === 0 && isEmptyDiff(membershipDiff)) {
        return { user, memberships: current };
      }
      await this.users.updateUser(manager, id, changes);
      if (changes.passwordHash !== undefined || changes.disabled === true) {
        await this.sessions.revokeAllOfUser(manager, id, new Date());
      }
      const updated = await this.users.findById(manager, id);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, {
          actor,
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          before: userSnapshot(user),
          after: {
            ...userSnapshot(updated),
            ...(changes.passwordHash === undefined ? {} : { passwordReset: true }),
          },
        });
      }
      await this.applyMemberships(manager, id, membershipDiff, actor);
      return {
        user: updated,
        memberships: await this.users.membershipsOf([id], visibleChannels(scope), manager),
      };
    });
  }

  /**
   * Creates the user or brings them up to date (name, password, enabled, the listed roles), as
   * the system actor. For the demo seed and test factories; idempotent.
   */
  async provision(input: ProvisionUserInput): Promise<UserEntity> {
    const email = normalizeEmail(input.email);
    const channelIds = input.memberships.map((membership) => membership.channelId);
    const actor = systemActor(channelIds[0] ?? null);
    return this.transactions.run(async (manager) => {
      let user = await this.users.findByEmail(manager, email);
      if (!user) {
        user = await this.insertUser(manager, {
          email,
          displayName: input.displayName,
          passwordHash: await this.passwords.hash(input.password),
        });
        await this.audit.record(manager, {
          actor,
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: userSnapshot(user),
        });
      } else {
        const changes: UserChanges = {};
        if (user.displayName !== input.displayName) {
          changes.displayName = input.displayName;
        }
        if (user.disabled) {
          changes.disabled = false;
        }
        if (!(await this.passwords.verify(user.passwordHash, input.password))) {
          changes.passwordHash = await this.passwords.hash(input.password);
        }
        if (Object.keys(changes).length > 0) {
          await this.users.updateUser(manager, user.id, changes);
          const updated = await this.users.findById(manager, user.id);
          await this.audit.record(manager, {
            actor,
            action: 'user.update',
            entityType: 'user',
            entityId: user.id,
            before: userSnapshot(user),
            after: {
              ...userSnapshot(updated),
              ...(changes.passwordHash === undefined ? {} : { passwordReset: true }),
            },
          });
          user = updated;
        }
      }
      const current = await this.users.membershipsOf([user.id], channelIds, manager);
      await this.applyMemberships(
        manager,
        user.id,
        diffMemberships(current, input.memberships, channelIds),
        actor,
      );
      return user;
    });
  }

  private async insertUser(
    manager: EntityManager,
    user: { email: string; displayName: string; passwordHash: string },
  ): Promise<UserEntity> {
    if (await this.users.findByEmail(manager, user.email)) {
      throw emailTaken();
    }
    try {
      return await this.users.insertUser(manager, user);
    } catch (error) {
      // Another request created the same email between our check and our insert.
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw emailTaken();
      }
      throw error;
    }
  }

  /** Writes the membership changes, one audit row each in the channel concerned. */
  private async applyMemberships(
    manager: EntityManager,
    userId: string,
    diff: MembershipDiff,
    actor: AuditActor,
  ): Promise<void> {
    for (const { channelId, role } of diff.added) {
      await this.users.setMembership(manager, userId, channelId, role);
      await this.audit.record(manager, {
        actor,
        action: 'user.membership_add',
        entityType: 'user',
        entityId: userId,
        channelId,
        after: { channelId, role },
      });
    }
    for (const { channelId, from, to } of diff.changed) {
      await this.users.setMembership(manager, userId, channelId, to);
      await this.audit.record(manager, {
        actor,
        action: 'user.membership_update',
        entityType: 'user',
        entityId: userId,
        channelId,
        before: { channelId, role: from },
        after: { channelId, role: to },
      });
    }
    for (const { channelId, role } of diff.removed) {
      await this.users.removeMembership(manager, userId, channelId);
      await this.audit.record(manager, {
        actor,
        action: 'user.membership_remove',
        entityType: 'user',
        entityId: userId,
        channelId,
        before: { channelId, role },
      });
    }
  }
}
