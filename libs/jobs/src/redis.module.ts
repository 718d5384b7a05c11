import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { type DependencyHealth, timeCheck } from '@app/database';

import { createRedisConnection } from './redis-connection';

export const REDIS = Symbol('REDIS');

@Injectable()
export class RedisHealthService implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  check(): Promise<DependencyHealth> {
    // Fail fast instead of queueing the PING while Redis is away.
    if (this.redis.status !== 'ready') {
      return Promise.resolve({ ok: false, latencyMs: 0, error: `redis ${this.redis.status}` });
    }
    return timeCheck(() => this.redis.ping());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared Redis connection per process for health, rate limiting and locks. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Redis => {
        const redis = createRedisConnection(config.redis.url);
        // Reconnects are automatic; errors surface through the health check instead.
        redis.on('error', () => undefined);
        return redis;
      },
    },
    RedisHealthService,
  ],
  exports: [REDIS, RedisHealthService],
})
export class RedisModule {}
