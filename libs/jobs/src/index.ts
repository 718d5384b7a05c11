export { collectHandlers, JobRunnerService } from './job-runner.service';
export { JobName, QueueName, QUEUE_OF_JOB } from './job-names';
export type { JobPayloads } from './job-names';
export { JobsModule } from './jobs.module';
export { JobsService, queuePrefix } from './jobs.service';
export { OnJob } from './on-job.decorator';
export { createRedisConnection, isRedisReachable } from './redis-connection';
export { REDIS, RedisHealthService, RedisModule } from './redis.module';
