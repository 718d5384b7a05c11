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

// Counts the attempt in both windows atomically (a window starts with its first attempt) and
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
// the email window (only while that window exists, so no key is left without an expiry).
const FORGET_ATTEMPT = `
redis.call('DEL', KEYS[1])
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('DECR', KEYS[2]) end
return 1`;

function counter(values: unknown, index: number): AttemptCounter {
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  return { attempts: Number(list[index]), ttlMs: Number(list[index + 1]) };
}

/** Login throttling in Redis, per email+IP and per email; see LOGIN_THROTTLE_POLICY. */
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

  /** Counts this attempt; throws 429 `auth.too_many_attempts` when over either limit. */
  async countAttempt(email: string, ip: string | null): Promise<void> {
    const keys = loginThrottleKeys(this.prefix, email, ip);
    const result = await this.redis.eval(
      COUNT_ATTEMPT,
      2,
      keys.emailAndIp,
      keys.email,
      LOGIN_THROTTLE_POLICY.windowMs,
    );
    const verdict = judgeLoginAttempt(LOGIN_THROTTLE_POLICY, {
      emailAndIp: counter(result, 0),
      email: counter(result, 2),
    });
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw new AccountsException(
        AccountsErrorCode.TooManyAttempts,
        `Too many sign-in attempts for this email. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { details: { retryAfterSeconds: verdict.retryAfterSeconds } },
      );
    }
  }

  /** Clears the email+IP counter after a successful login. */
  async forgetAttempt(email: string, ip: string | null): Promise<void> {
    const keys = loginThrottleKeys(this.prefix, email, ip);
    await this.redis.eval(FORGET_ATTEMPT, 2, keys.emailAndIp, keys.email);
  }
}
