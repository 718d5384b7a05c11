import { type Redis } from 'ioredis';

import { limiterWaitSeconds } from '@app/observability';

// GCRA (generic cell rate algorithm) in one Lua call: the key holds the theoretical arrival time
// (TAT) of the next free slot in microseconds. Asking for n slots moves TAT by n intervals and
// answers how long the caller must wait before using them. No background refill, one key per
// limit, exact at any rate, and shared by every worker process through Redis. Slots left unused
// for up to BURST_MS (a batch job handing over to the next) may be caught up, so the long-run
// rate stays on target while a burst never exceeds that much.
const GCRA_SCRIPT = `
local interval = tonumber(ARGV[1])
local count = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local burst = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now - burst then
  tat = now - burst
end
local next_tat = tat + interval * count
redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 60000)
local wait = tat - now
if wait < 0 then
  wait = 0
end
return string.format('%.0f', wait)
`;

/** How much unused rate may be caught up later. */
const BURST_MS = 500;

export interface RateLimiter {
  /** Reserves `count` sends at `perSecond`; resolves when the first of them may go. */
  acquire(key: string, perSecond: number, count: number): Promise<void>;
}

type GcraRedis = Redis & {
  kccGcra(key: string, intervalMicros: number, count: number, burstMicros: number): Promise<string>;
};

/**
 * A global limiter for blast sends: every worker reserves slots from the same Redis key, so the
 * rate holds across processes. Slots are reserved in small chunks to keep Redis calls few.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: GcraRedis;

  constructor(redis: Redis) {
    if (!('kccGcra' in redis)) {
      redis.defineCommand('kccGcra', { numberOfKeys: 1, lua: GCRA_SCRIPT });
    }
    this.redis = redis as GcraRedis;
  }

  async acquire(key: string, perSecond: number, count: number): Promise<void> {
    if (!(perSecond > 0) || count <= 0) {
      return;
    }
    const interval = Math.max(1, Math.round(1_000_000 / perSecond));
    const waitMicros = Number(await this.redis.kccGcra(key, interval, count, BURST_MS * 1000));
    limiterWaitSeconds.observe(Math.max(0, waitMicros) / 1e6);
    if (waitMicros > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(waitMicros / 1000)));
    }
  }
}
