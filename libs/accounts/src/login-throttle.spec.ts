import { type Redis } from 'ioredis';

import { type AppConfig } from '@app/config';

import { AccountsErrorCode, type AccountsException } from './accounts.exception';
import { LoginThrottle } from './login-throttle';
import { loginThrottleKeys } from './login-throttle.policy';

const config = { redis: { queuePrefix: 'kcct' } } as AppConfig;

/** A Redis whose scripts answer [attempts, ttl] per key as given. */
function redisAnswering(counts: number[]): { redis: Redis; evalMock: jest.Mock } {
  const evalMock = jest.fn(() => Promise.resolve(counts));
  return { redis: { eval: evalMock } as unknown as Redis, evalMock };
}

describe('LoginThrottle', () => {
  it('counts the attempt under the three keys with the 15-minute window', async () => {
    const { redis, evalMock } = redisAnswering([1, 900_000, 1, 900_000, 1, 900_000]);
    await new LoginThrottle(redis, config).countAttempt('kim@demo.local', '10.0.0.1');
    const keys = loginThrottleKeys('kcct', 'kim@demo.local', '10.0.0.1');
    expect(evalMock).toHaveBeenCalledWith(
      expect.stringContaining('INCR'),
      3,
      keys.emailAndIp,
      keys.ip,
      keys.email,
      900_000,
    );
  });

  it('lets the fifth attempt through and stops the sixth with a 429 and a wait time', async () => {
    await expect(
      new LoginThrottle(
        redisAnswering([5, 60_000, 5, 60_000, 5, 60_000]).redis,
        config,
      ).countAttempt('kim@demo.local', '10.0.0.1'),
    ).resolves.toBeUndefined();

    let caught: AccountsException | undefined;
    try {
      await new LoginThrottle(
        redisAnswering([6, 125_000, 6, 125_000, 6, 125_000]).redis,
        config,
      ).countAttempt('kim@demo.local', '10.0.0.1');
    } catch (error) {
      caught = error as AccountsException;
    }
    expect(caught?.code).toBe(AccountsErrorCode.TooManyAttempts);
    expect(caught?.message).toBe(
      'Too many sign-in attempts for this email. Try again in 3 minutes.',
    );
    expect(caught?.details).toEqual({ retryAfterSeconds: 125 });
  });

  it('says when the address, not the email, is what is blocked', async () => {
    const throttle = new LoginThrottle(
      redisAnswering([1, 900_000, 31, 60_000, 1, 900_000]).redis,
      config,
    );
    await expect(throttle.countAttempt('new@demo.local', '10.0.0.1')).rejects.toMatchObject({
      code: AccountsErrorCode.TooManyAttempts,
      message: 'Too many sign-in attempts from this address. Try again in 1 minute.',
      details: { retryAfterSeconds: 60 },
    });
  });

  it('waives the per-email limit for a trusted device', async () => {
    const attacked = [1, 900_000, 1, 900_000, 80, 600_000];
    await expect(
      new LoginThrottle(redisAnswering(attacked).redis, config).countAttempt(
        'kim@demo.local',
        '10.0.0.1',
      ),
    ).rejects.toMatchObject({ code: AccountsErrorCode.TooManyAttempts });
    await expect(
      new LoginThrottle(redisAnswering(attacked).redis, config).countAttempt(
        'kim@demo.local',
        '10.0.0.1',
        true,
      ),
    ).resolves.toBeUndefined();
  });

  it('forgets the email+IP window after a success and takes the attempt back elsewhere', async () => {
    const { redis, evalMock } = redisAnswering([]);
    await new LoginThrottle(redis, config).forgetAttempt('kim@demo.local', null);
    const keys = loginThrottleKeys('kcct', 'kim@demo.local', null);
    expect(evalMock).toHaveBeenCalledWith(
      expect.stringContaining('DEL'),
      3,
      keys.emailAndIp,
      keys.ip,
      keys.email,
    );
  });
});
