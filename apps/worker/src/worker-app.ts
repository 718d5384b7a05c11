import { type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { BlastEngineService } from '@app/blasts';
import { CampaignSchedulerService } from '@app/campaigns';
import { type AppConfig } from '@app/config';
import { JobName, JobRunnerService, JobsService } from '@app/jobs';
import { ReachService } from '@app/reach';
import { WebhooksService } from '@app/webhooks';

import { WorkerModule } from './worker.module';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the worker context, starts every queue's workers and the repeating jobs. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
  });
  app.enableShutdownHooks();
  await app.init();
  await app.get(JobRunnerService).start();
  await app.get(CampaignSchedulerService).scheduleAll();
  // Redis may have lost every job (it keeps nothing on disk): rebuild blasts from the ledger now.
  await app.get(BlastEngineService).reconcile();
  await app
    .get(JobsService)
    .schedule('blast-reconcile', JobName.BlastReconcile, {}, config.blasts.reconcileMs);
  await app.get(ReachService).scheduleFold();
  // Webhook deliveries whose job Redis lost: re-queued now and by a repeating sweep.
  await app.get(WebhooksService).startSweeping();
  return app;
}
