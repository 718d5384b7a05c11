import { Injectable } from '@nestjs/common';
import { type EntityManager, QueryFailedError } from 'typeorm';

import { type AuditActor, AuditService, systemActor } from '@app/audit';
import { type ListQuery, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';

import { AccountsErrorCode, AccountsException } from './accounts.exception';
import { type AuthenticatedUser } from './auth.types';
import { normalizeEmail } from './email';
import { LoginThrottle } from './login-throttle';
import {
  diffMemberships,
  isEmptyDiff,
  type MembershipDiff,
  type MembershipRole,
} from './membership-diff';
import { PasswordHasher } from './password-hasher';
import { isStrongPassword, WEAK_PASSWORD_REASON } from './password-policy';
import { Role } from './role';
import { SessionsRepository } from './sessions.repository';
import { type UserListFilter } from './user-list.filter';
import { type UserEntity } from './user.entity';
import { toUserResponse, type UserRecord } from './users.dto';
import { type NewUser, type UserChanges, UsersRepository } from './users.repository';

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
  /** The caller's own password, required when they change it. */
  currentPassword?: string;
  memberships?: MembershipRole[];
}

/**
 * A user as the seed and test factories want them, created or brought up to date. The password
 * policy does not apply: these are operator-run, and the demo's `demo-password` must keep working.
 */
export interface ProvisionUserInput {
  email: string;
  displayName: string;
  password: string;
  memberships: MembershipRole[];
  /** Make (true) or unmake (false) an instance operator; left as it is when omitted. */
  operator?: boolean;
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

/**
 * The 403 for account-wide changes by an admin who does not run every channel of the account.
 * It names the fields tried but nothing of the other channels (not even how many there are).
 */
function accountWideForbidden(fields: readonly string[]): AccountsException {
  const reason = 'only an admin of every channel of this user can change it';
  return new AccountsException(
    AccountsErrorCode.AccountWideForbidden,
    'Name, password and disabled belong to the whole account, which also has other channels: ' +
      'only an admin of all its channels can change them. Roles in your channels you can change.',
    { errors: Object.fromEntries(fields.map((field) => [field, reason])) },
  );
}

function weakPassword(): AccountsException {
  return new AccountsException(
    AccountsErrorCode.WeakPassword,
    `password: ${WEAK_PASSWORD_REASON}`,
    { errors: { password: WEAK_PASSWORD_REASON } },
  );
}

function currentPasswordInvalid(reason: string): AccountsException {
  return new AccountsException(
    AccountsErrorCode.CurrentPasswordInvalid,
    `currentPassword: ${reason}`,
    { errors: { currentPassword: reason } },
  );
}

/** The account-wide fields a change touches, as the API names them. */
function accountWideFields(changes: UserChanges): string[] {
  return [
    ...(changes.displayName === undefined ? [] : ['displayName']),
    ...(changes.disabled === undefined ? [] : ['disabled']),
    ...(changes.passwordHash === undefined ? [] : ['password']),
  ];
}

function emailTaken(): AccountsException {
  return new AccountsException(AccountsErrorCode.EmailTaken, 'A user with this email exists', {
    errors: { email: 'is already taken' },
  });
}

/**
 * Account-wide changes (name, password, disabled) are for the user themselves, or for an admin
 * of every channel the account belongs to; anyone else gets a 403 that names no channel.
 */
function assertMayChangeAccount(
  scope: UserAdminScope,
  actor: AuditActor,
  userId: string,
  accountChannels: readonly string[],
  fields: readonly string[],
): void {
  if (actor.userId === userId) {
    return;
  }
  if (accountChannels.some((channelId) => !scope.administeredChannelIds.includes(channelId))) {
    throw accountWideForbidden(fields);
  }
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
    private readonly throttle: LoginThrottle,
  ) {}

  /** Users with a role in the current channel. */
  async list(scope: UserAdminScope, query: ListQuery<UserListFilter>): Promise<Page<UserRecord>> {
    const page = await this.users.pageInChannel(scope.channelId, query.filter, query);
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

  /**
   * Creates the account with its roles. An email whose account already exists is not revealed:
   * 409 only when that account is already in the current channel (the admin sees it listed);
   * otherwise the existing account gets the roles, keeps its own password, name and state, and
   * the answer is a 201 as for a new account. The password policy applies before either path.
   */
  async create(
    scope: UserAdminScope,
    input: CreateUserInput,
    actor: AuditActor,
  ): Promise<UserRecord> {
    checkMemberships(scope, input.memberships, true);
    const email = normalizeEmail(input.email);
    if (!isStrongPassword(input.password, [email, input.displayName])) {
      throw weakPassword();
    }
    // Hash before the transaction: argon2 takes ~100 ms and needs no row locks.
    const passwordHash = await this.passwords.hash(input.password);
    return this.transactions.run(async (manager) => {
      const existing = await this.users.lockByEmail(manager, email);
      if (existing) {
        return this.addExistingAccount(manager, scope, existing, input.memberships, actor);
      }
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
   * Name, password and `disabled` belong to the account, not to a channel: only the user
   * themselves (their own password needs `currentPassword`) or an admin of every channel they
   * are in may change them, and every one of those channels' audit logs records it. Roles in the
   * channels the caller administers stay theirs to change.
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
      input.password === undefined
        ? undefined
        : await this.newPasswordHash(scope, id, input.password, input, actor);
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
      // Checked under the row lock: memberships change only with it held, so none slips in.
      const accountChannels = await this.users.channelIdsOf(id, manager);
      const accountWide = accountWideFields(changes);
      if (accountWide.length > 0) {
        assertMayChangeAccount(scope, actor, id, accountChannels, accountWide);
      }
      await this.users.updateUser(manager, id, changes);
      if (changes.passwordHash !== undefined || changes.disabled === true) {
        await this.sessions.revokeAllOfUser(manager, id, new Date());
      }
      const updated = await this.users.findById(manager, id);
      // The account is the same in every channel: each one's log shows what happened to it.
      for (const channelId of accountWide.length > 0 ? accountChannels : []) {
        await this.audit.record(manager, {
          actor,
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          channelId,
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
   * Creates the user or brings them up to date (name, password, enabled, operator, the listed
   * roles), as the system actor. For the demo seed and test factories; idempotent.
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
          isOperator: input.operator ?? false,
        });
        await this.audit.record(manager, {
          actor,
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: { ...userSnapshot(user), ...(user.isOperator ? { isOperator: true } : {}) },
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
        if (input.operator !== undefined && input.operator !== user.isOperator) {
          changes.isOperator = input.operator;
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
              ...(changes.isOperator === undefined ? {} : { isOperator: changes.isOperator }),
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

  /**
   * Checks a new password before the transaction (argon2 takes ~100 ms): the caller may set it,
   * their own needs the current one (counted like a login attempt, so a stolen session cannot
   * guess it), and it passes the policy. Returns its hash.
   */
  private async newPasswordHash(
    scope: UserAdminScope,
    id: string,
    password: string,
    input: UpdateUserInput,
    actor: AuditActor,
  ): Promise<string> {
    const target = await this.users.findInChannel(id, scope.channelId);
    if (!target) {
      throw notFound(id);
    }
    if (actor.userId === id) {
      await this.checkOwnPassword(target, input.currentPassword, actor.ip);
    } else {
      // The same check runs again under the lock; here it spares the hash, naming every field tried.
      const tried = accountWideFields({
        ...(input.displayName !== undefined && input.displayName !== target.displayName
          ? { displayName: input.displayName }
          : {}),
        ...(input.disabled !== undefined && input.disabled !== target.disabled
          ? { disabled: input.disabled }
          : {}),
        passwordHash: '',
      });
      assertMayChangeAccount(scope, actor, id, await this.users.channelIdsOf(id), tried);
    }
    if (!isStrongPassword(password, [target.email, input.displayName ?? target.displayName])) {
      throw weakPassword();
    }
    return this.passwords.hash(password);
  }

  private async checkOwnPassword(
    user: UserEntity,
    currentPassword: string | undefined,
    ip: string | null,
  ): Promise<void> {
    if (currentPassword === undefined) {
      throw currentPasswordInvalid('is required to change your own password');
    }
    await this.throttle.countAttempt(user.email, ip);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw currentPasswordInvalid('does not match your current password');
    }
    await this.throttle.forgetAttempt(user.email, ip);
  }

  /**
   * `POST /users` with the email of an account the current channel does not have yet: adds the
   * roles asked for in channels where the account has none, and changes nothing else of it.
   */
  private async addExistingAccount(
    manager: EntityManager,
    scope: UserAdminScope,
    user: UserEntity,
    memberships: readonly MembershipRole[],
    actor: AuditActor,
  ): Promise<UserRecord> {
    const current = await this.users.membershipsOf([user.id], visibleChannels(scope), manager);
    if (current.some((membership) => membership.channelId === scope.channelId)) {
      throw emailTaken();
    }
    const { added } = diffMemberships(current, memberships, scope.administeredChannelIds);
    await this.applyMemberships(manager, user.id, { added, changed: [], removed: [] }, actor);
    return {
      user,
      memberships: await this.users.membershipsOf([user.id], visibleChannels(scope), manager),
    };
  }

  private async insertUser(manager: EntityManager, user: NewUser): Promise<UserEntity> {
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
