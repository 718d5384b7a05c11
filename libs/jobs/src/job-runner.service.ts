import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { type Job, Worker } from 'bullmq';
import { type Redis } from 'ioredis';

import { AppConfig } from '@app/config';
import { runWithLogContext } from '@app/observability';

import { JobName, type JobPayloads, QUEUE_CONCURRENCY, QUEUE_OF_JOB, QueueName } from './job-names';
import { JobsService, queuePrefix } from './jobs.service';
import { ON_JOB_METADATA } from './on-job.decorator';
import { createRedisConnection } from './redis-connection';

type JobHandler = (data: JobPayloads[JobName], job: Job, token?: string) => Promise<unknown>;

/** Finds every `@OnJob` handler and checks that each job name has exactly one. */
export function collectHandlers(
  found: { name: JobName; owner: string; handler: JobHandler }[],
): Map<JobName, JobHandler> {
  const problems: string[] = [];
  const handlers = new Map<JobName, JobHandler>();
  for (const name of Object.values(JobName)) {
    const matches = found.filter((entry) => entry.name === name);
    if (matches.length === 0) {
      problems.push(`${name} has no handler`);
    } else if (matches.length > 1) {
      problems.push(
        `${name} has ${matches.length} handlers (${matches.map((m) => m.owner).join(', ')})`,
      );
    } else {
      handlers.set(name, matches[0].handler);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Job handlers are not one per job: ${problems.join('; ')}`);
  }
  return handlers;
}

/**
 * Runs BullMQ workers for every queue. Only the worker app calls `start()`. On shutdown it drains:
 * handlers see `draining` and stop taking new work, running jobs get a bounded time to record
 * what is in flight, and only then do Postgres, Redis and the Kakao client close.
 */
@Injectable()
export class JobRunnerService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunnerService.name);
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private stopping = false;
  private repeatingTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  private discover(): Map<JobName, JobHandler> {
    const found: { name: JobName; owner: string; handler: JobHandler }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') {
          continue;
        }
        const name = this.reflector.get<JobName | undefined>(ON_JOB_METADATA, fn);
        if (name) {
          found.push({
            name,
            owner: `${instance.constructor.name}.${method}`,
            handler: (fn as JobHandler).bind(instance),
          });
        }
      }
    }
    return collectHandlers(found);
  }

  async start(): Promise<void> {
    const handlers = this.discover();
    for (const queue of Object.values(QueueName)) {
      // Workers block on their connection, so each gets its own; BullMQ leaves closing it to us.
      const connection = createRedisConnection(this.config.redis.url);
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        async (job: Job, token?: string) => {
          const handler = handlers.get(job.name as JobName);
          if (!handler || QUEUE_OF_JOB[job.name as JobName] !== queue) {
            throw new Error(`No handler for job ${job.name} on queue ${queue}`);
          }
          // Handlers rethrow: BullMQ retries transient failures and records final ones.
          // Their logs carry the job, its channel and the request that queued it.
          const data = job.data as { requestId?: unknown; channelId?: unknown };
          return runWithLogContext(
            {
              job: job.name,
              jobId: job.id,
              requestId: typeof data.requestId === 'string' ? data.requestId : undefined,
              channelId: typeof data.channelId === 'string' ? data.channelId : undefined,
            },
            async () => {
              const started = performance.now();
              const result = await handler(job.data as JobPayloads[JobName], job, token);
              this.logger.debug(
                `${job.name} done in ${Math.round(performance.now() - started)} ms`,
              );
              return result;
            },
          );
        },
        {
          connection,
          prefix: queuePrefix(this.config),
          concurrency: QUEUE_CONCURRENCY[queue],
          ...this.lockOptions(queue),
        },
      );
      worker.on('failed', (job, error) => {
        this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed: ${error.message}`);
      });
      worker.on('error', (error) => this.logger.error(`Worker ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    this.logger.log(`Working queues: ${Object.values(QueueName).join(', ')}`);
  }

  /**
   * Blast jobs are rebuilt from the ledger whenever they run, so a dead worker's batch is taken
   * over after a short lock and never failed for stalling; other jobs keep the longer lock.
   */
  private lockOptions(queue: QueueName): {
    lockDuration: number;
    stalledInterval: number;
    maxStalledCount?: number;
  } {
    const { jobs } = this.config;
    return queue === QueueName.Blasts
      ? {
          lockDuration: jobs.sendLockDurationMs,
          stalledInterval: jobs.sendStalledIntervalMs,
          maxStalledCount: Number.MAX_SAFE_INTEGER,
        }
      : { lockDuration: jobs.lockDurationMs, stalledInterval: jobs.stalledIntervalMs };
  }

  /**
   * Registers the repeating jobs now and looks every `every` ms whether Redis lost them (it keeps
   * nothing on disk here): they come back, and run at once, without a restart.
   */
  async keepRepeatingJobs(every = this.config.jobs.repeatingCheckMs): Promise<void> {
    await this.jobs.ensureRepeating();
    await this.jobs.restoreIfLost();
    this.repeatingTimer = setInterval(() => {
      this.jobs
        .restoreIfLost()
        .then((restored) => {
          if (restored > 0) {
            this.logger.warn(`Redis lost the queues: ${restored} repeating jobs put back`);
          }
        })
        .catch((error: unknown) => {
          this.logger.warn(
            `Repeating jobs not checked: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    }, every);
    this.repeatingTimer.unref();
  }

  /** True once shutdown began: handlers stop claiming new work and hand the rest back. */
  get draining(): boolean {
    return this.stopping;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.repeatingTimer);
    if (this.workers.length === 0) {
      return;
    }
    const closing = Promise.all(this.workers.map((worker) => worker.close()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      closing.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), this.config.jobs.drainMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.logger.warn(
        `Jobs still running after ${this.config.jobs.drainMs} ms of shutdown; stopping anyway`,
      );
      await Promise.all(this.workers.map((worker) => worker.close(true)));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close(true)));
    await Promise.all(
      this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
  }
}
