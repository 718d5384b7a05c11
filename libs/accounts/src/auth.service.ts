import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';

import { AccountsErrorCode, AccountsException } from './accounts.exception';
import {
  type Authentication,
  type AuthenticatedUser,
  type LoginInput,
  type LoginResult,
} from './auth.types';
import { normalizeEmail } from './email';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import {
  hashSessionToken,
  isWellFormedSessionToken,
  issueSessionToken,
  SESSION_LIFETIME_MS,
} from './session-token';
import { SessionsRepository } from './sessions.repository';
import { TrustedLoginDevices } from './trusted-login-devices';
import { type UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

// Ended sessions stay this long as sign-in history, then go at the user's next login.
const SESSION_HISTORY_MS = 30 * 24 * 60 * 60 * 1000;
const USER_AGENT_MAX_LENGTH = 512;

function toAuthenticatedUser(user: UserEntity): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isOperator: user.isOperator,
    channels: (user.memberships ?? []).flatMap((membership) =>
      membership.channel
        ? [
            {
              channelId: membership.channelId,
              channelName: membership.channel.name,
              channelPublicId: membership.channel.channelPublicId,
              role: membership.role,
            },
          ]
        : [],
    ),
  };
}

/** Sign-in, sign-out and the token check behind every guarded request. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly devices: TrustedLoginDevices,
  ) {}

  /**
   * Checks the password and opens a session. Unknown emails and wrong passwords get the same
   * answer; a disabled account is only revealed to someone who knows its password.
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const email = normalizeEmail(input.email);
    const trustedDevice = await this.devices.isTrusted(input.trustedDeviceToken, email);
    await this.throttle.countAttempt(email, input.ip, trustedDevice);
    const user = await this.users.findByEmailWithChannels(email);
    const passwordMatches = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    if (!user || !passwordMatches) {
      throw new AccountsException(
        AccountsErrorCode.InvalidCredentials,
        'Invalid email or password',
      );
    }
    if (user.disabled) {
      throw new AccountsException(
        AccountsErrorCode.AccountDisabled,
        'This account is disabled. Ask an admin of your channel to enable it.',
      );
    }
    await this.throttle.forgetAttempt(email, input.ip);
    const now = new Date();
    const { token, tokenHash } = issueSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await this.sessions.create({
      tokenHash,
      userId: user.id,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
    });
    await this.sessions.purgeEnded(user.id, new Date(now.getTime() - SESSION_HISTORY_MS));
    const trustedDeviceToken = await this.devices.remember(email, input.trustedDeviceToken);
    return { token, expiresAt, user: toAuthenticatedUser(user), trustedDeviceToken };
  }

  /** The live session of a bearer token, or null when it is unknown, expired, revoked or disabled. */
  async authenticate(token: string): Promise<Authentication | null> {
    if (!isWellFormedSessionToken(token)) {
      return null;
    }
    const session = await this.sessions.findLive(hashSessionToken(token), new Date());
    if (!session?.user) {
      return null;
    }
    return {
      sessionId: session.id,
      expiresAt: session.expiresAt,
      user: toAuthenticatedUser(session.user),
    };
  }

  /**
   * The user of a session that is still live (not ended, expired or revoked, user not disabled),
   * or null. For credentials a session handed out, which must end with it.
   */
  async liveSessionUser(sessionId: string): Promise<AuthenticatedUser | null> {
    if (!isUUID(sessionId)) {
      return null;
    }
    const session = await this.sessions.findLiveById(sessionId, new Date());
    return session?.user ? toAuthenticatedUser(session.user) : null;
  }

  /** Ends the session; its token stops working at once. */
  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId, new Date());
  }
}
