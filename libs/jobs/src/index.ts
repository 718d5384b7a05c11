export { createRedisConnection, isRedisReachable } from './redis-connection';
export { REDIS, RedisHealthService, RedisModule } from './redis.module';
