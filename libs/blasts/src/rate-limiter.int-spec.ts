import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';

import { RedisRateLimiter } from './rate-limiter';

describe('RedisRateLimiter (real Redis)', () => {
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    connections.push(redis);
    return new RedisRateLimiter(redis);
  };

  afterAll(() => {
    connections.forEach((redis) => redis.disconnect());
  });

  it('holds one rate across two processes sharing the key', async () => {
    const key = `kcc-test-limiter-${randomBytes(4).toString('hex')}`;
    const [a, b] = [connect(), connect()];
    const started = Date.now();
    // 300 slots at 200/s from two "workers": about 1.5 s, less the 0.5 s that may be caught up.
    await Promise.all(
      [a, b].map(async (limiter) => {
        for (let i = 0; i < 30; i += 1) {
          await limiter.acquire(key, 200, 5);
        }
      }),
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2500);
  });
});
