import { randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { REDIS } from '@app/jobs';

import {
  LOGIN_THROTTLE_POLICY,
  trustedDeviceKey,
  trustedDeviceOwner,
} from './login-throttle.policy';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** The cookie that carries the token; the API sets it on the login route's path only. */
export const TRUSTED_DEVICE_COOKIE = 'kcc_login_device';

/**
 * Browsers that signed in to an account: each successful login hands out (or renews) a random
 * token the client keeps in an HttpOnly cookie; Redis holds its hash with the account's hashed
 * email for LOGIN_THROTTLE_POLICY.trustedDeviceMs. Showing it later exempts that browser from the
 * per-email login limit, so strangers failing for an email cannot lock its owner out.
 */
@Injectable()
export class TrustedLoginDevices {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = config.redis.queuePrefix;
  }

  /** True when the token was handed out to a login of this (normalized) email and still lives. */
  async isTrusted(token: string | null | undefined, email: string): Promise<boolean> {
    if (!token || !TOKEN_FORMAT.test(token)) {
      return false;
    }
    return (
      (await this.redis.get(trustedDeviceKey(this.prefix, token))) === trustedDeviceOwner(email)
    );
  }

  /**
   * After a successful login: renews the token the client showed when it was this account's,
   * else hands out a new one. Returns the token to send back.
   */
  async remember(email: string, shown: string | null | undefined): Promise<string> {
    const ttlMs = LOGIN_THROTTLE_POLICY.trustedDeviceMs;
    if (shown && (await this.isTrusted(shown, email))) {
      await this.redis.pexpire(trustedDeviceKey(this.prefix, shown), ttlMs);
      return shown;
    }
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(
      trustedDeviceKey(this.prefix, token),
      trustedDeviceOwner(email),
      'PX',
      ttlMs,
    );
    return token;
  }
}
