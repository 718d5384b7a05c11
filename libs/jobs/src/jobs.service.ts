import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { currentRequestId } from '@app/observability';

import {
  JOB_SPECS,
  type JobName,
  type JobPayloads,
  QUEUE_OF_JOB,
  type QueueName,
} from './job-names';
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

/** Job states in which a job will still run (or runs now): no second one is queued beside it. */
const LIVE_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/** A job that runs every `everyMs`, under a stable scheduler id. */
export interface RepeatingJob<N extends JobName = JobName> {
  schedulerId: string;
  name: N;
  data: JobPayloads[N];
  everyMs: number;
}

/** Enqueues jobs; a wrong payload for a job name does not compile. Used by the API and the worker. */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  /** Every repeating job this process registered, to put back when Redis lost it. */
  private readonly repeating = new Map<string, RepeatingJob>();

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

  /** The options of one job: retention, then its name's spec (id, retries), then the caller's. */
  private optionsFor<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: JobsOptions,
  ): JobsOptions {
    const spec = JOB_SPECS[name];
    return {
      ...DEFAULT_JOB_OPTIONS,
      ...spec?.options,
      ...(spec?.jobId ? { jobId: spec.jobId(data) } : {}),
      ...options,
    };
  }

  async queue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: JobsOptions,
  ): Promise<void> {
    await this.queueFor(QUEUE_OF_JOB[name]).add(
      name,
      withRequestId(data),
      this.optionsFor(name, data, options),
    );
  }

  /**
   * Queues the job unless one with its id will still run; a completed or failed one of that id is
   * replaced. The one way work recorded in Postgres gets its job back after Redis lost it.
   * Answers whether a job was queued.
   */
  async ensureQueued<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options?: JobsOptions,
  ): Promise<boolean> {
    const resolved = this.optionsFor(name, data, options);
    if (resolved.jobId === undefined) {
      throw new Error(`ensureQueued needs a job id: ${name} has none`);
    }
    const queue = this.queueFor(QUEUE_OF_JOB[name]);
    const existing = await queue.getJob(resolved.jobId);
    if (existing) {
      if (LIVE_STATES.has(await existing.getState())) {
        return false;
      }
      await existing.remove().catch(() => undefined);
    }
    await queue.add(name, withRequestId(data), resolved);
    return true;
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
        opts: this.optionsFor(name, job.data, job.options),
      })),
    );
  }

  /**
   * Creates or updates a repeating job (idempotent across processes and restarts) and remembers
   * it, so that `ensureRepeating` can put it back.
   */
  async schedule<N extends JobName>(
    schedulerId: string,
    name: N,
    data: JobPayloads[N],
    everyMs: number,
  ): Promise<void> {
    this.repeating.set(schedulerId, { schedulerId, name, data, everyMs });
    await this.upsertRepeating(schedulerId, name, data, everyMs);
  }

  private async upsertRepeating<N extends JobName>(
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

  /**
   * Checks in one command whether Redis lost the keys of this console (a restart without
   * persistence, a flush) and if so puts back every repeating job. Their first run is immediate,
   * so the reconcilers rebuild the lost one-off jobs from Postgres right away.
   */
  async restoreIfLost(): Promise<number> {
    const marker = `${queuePrefix(this.config)}:repeating-registered`;
    if ((await this.redis.set(marker, '1', 'NX')) !== 'OK') {
      return 0;
    }
    return this.ensureRepeating();
  }

  /**
   * Puts back every registered repeating job that Redis no longer has (an upsert of a present one
   * would push its next run back, so present ones are left alone). Answers how many came back.
   */
  async ensureRepeating(): Promise<number> {
    let restored = 0;
    for (const job of this.repeating.values()) {
      const queue = this.queueFor(QUEUE_OF_JOB[job.name]);
      if ((await queue.getJobScheduler(job.schedulerId)) === undefined) {
        await this.upsertRepeating(job.schedulerId, job.name, job.data, job.everyMs);
        restored += 1;
      }
    }
    return restored;
  }

  async onApplicationShutdown(): Promise<void> {
    // The shared connection belongs to RedisModule; closing a queue must not quit it.
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
