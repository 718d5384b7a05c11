import { Inject, Injectable } from '@nestjs/common';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { REDIS } from '@app/jobs';

import { AccountsErrorCode, AccountsException } from './accounts.exception';
import {
  type AttemptCounter,
  judgeLoginAttempt,
  LOGIN_THROTTLE_POLICY,
  loginThrottleKeys,
} from './login-throttle.policy';

// Counts the attempt in every window atomically (a window starts with its first attempt) and
// answers [attempts, ttl] per key. Counting before the password check means parallel guesses
// cannot slip past the limit.
const COUNT_ATTEMPT = `
local out = {}
for _, key in ipairs(KEYS) do
  local attempts = redis.call('INCR', key)
  if attempts == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  table.insert(out, attempts)
  table.insert(out, redis.call('PTTL', key))
end
return out`;

// After a successful login: the email+IP window starts over, and the attempt is taken back from
// the other windows (only while they exist, so no key is left without an expiry).
const FORGET_ATTEMPT = `
redis.call('DEL', KEYS[1])
for index = 2, #KEYS do
  if redis.call('EXISTS', KEYS[index]) == 1 then redis.call('DECR', KEYS[index]) end
end
return 1`;

function counter(values: unknown, index: number): AttemptCounter {
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  return { attempts: Number(list[index]), ttlMs: Number(list[index + 1]) };
}

/** Login throttling in Redis, per email+IP, per IP and per email; see LOGIN_THROTTLE_POLICY. */
@Injectable()
export class LoginThrottle {
  // Shares the BullMQ prefix so tests and several consoles on one Redis stay apart.
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = config.redis.queuePrefix;
  }

  /**
   * Counts this attempt; throws 429 `auth.too_many_attempts` (with `retryAfterSeconds`) when over
   * a limit. `trustedDevice`: the client signed in to this account before, which waives the
   * per-email limit (the one others could use to lock the owner out).
   */
  async countAttempt(email: string, ip: string | null, trustedDevice = false): Promise<void> {
    const keys = loginThrottleKeys(this.prefix, email, ip);
    const result = await this.redis.eval(
      COUNT_ATTEMPT,
      3,
      keys.emailAndIp,
      keys.ip,
      keys.email,
      LOGIN_THROTTLE_POLICY.windowMs,
    );
    const verdict = judgeLoginAttempt(
      LOGIN_THROTTLE_POLICY,
      { emailAndIp: counter(result, 0), ip: counter(result, 2), email: counter(result, 4) },
      trustedDevice,
    );
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      const subject = verdict.limit === 'address' ? 'from this address' : 'for this email';
      throw new AccountsException(
        AccountsErrorCode.TooManyAttempts,
        `Too many sign-in attempts ${subject}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { details: { retryAfterSeconds: verdict.retryAfterSeconds } },
      );
    }
  }

  /** Clears the email+IP counter after a successful login, and takes the attempt back elsewhere. */
  async forgetAttempt(email: string, ip: string | null): Promise<void> {
    const keys = loginThrottleKeys(this.prefix, email, ip);
    await this.redis.eval(FORGET_ATTEMPT, 3, keys.emailAndIp, keys.ip, keys.email);
  }
}
