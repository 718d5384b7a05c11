import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { currentRequestId } from '@app/observability';

import { type JobName, type JobPayloads, QUEUE_OF_JOB, type QueueName } from './job-names';
import { REDIS } from './redis.module';

// Bounded retention, so Redis never grows with history (that lives in Postgres).
const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

export function queuePrefix(config: AppConfig): string {
  // The hash tag keeps all of a queue's keys in one Redis Cluster slot.
  return `{${config.redis.queuePrefix}}`;
}

/**
 * The request (or job) that queues a job passes its id on in the job's data, so the worker's
 * logs of that job name the request that caused it.
 */
function withRequestId<T extends object>(data: T): T {
  const requestId = currentRequestId();
  return requestId === undefined ? data : { ...data, requestId };
}

/** Enqueues jobs; a wrong payload for a job name does not compile. Used by the API and the worker. */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  queueFor(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis,
        prefix: queuePrefix(this.config),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async queue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: JobsOptions,
  ): Promise<void> {
    await this.queueFor(QUEUE_OF_JOB[name]).add(name, withRequestId(data), {
      ...DEFAULT_JOB_OPTIONS,
      ...options,
    });
  }

  /** Many jobs of one name in one round trip (fan-out of blast batches). */
  async queueMany<N extends JobName>(
    name: N,
    jobs: { data: JobPayloads[N]; options?: JobsOptions }[],
  ): Promise<void> {
    if (jobs.length === 0) {
      return;
    }
    await this.queueFor(QUEUE_OF_JOB[name]).addBulk(
      jobs.map((job) => ({
        name,
        data: withRequestId(job.data),
        opts: { ...DEFAULT_JOB_OPTIONS, ...job.options },
      })),
    );
  }

  /** Creates or updates a repeating job (idempotent across processes and restarts). */
  async schedule<N extends JobName>(
    schedulerId: string,
    name: N,
    data: JobPayloads[N],
    everyMs: number,
  ): Promise<void> {
    await this.queueFor(QUEUE_OF_JOB[name]).upsertJobScheduler(
      schedulerId,
      { every: everyMs },
      { name, data, opts: DEFAULT_JOB_OPTIONS },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // The shared connection belongs to RedisModule; closing a queue must not quit it.
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
