import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { BlastRunScheduler } from '@app/blasts';
import { CampaignSchedulerService } from '@app/campaigns';
import { type AppConfig } from '@app/config';
import { JobName, JobRunnerService, JobsService, ReadinessService } from '@app/jobs';
import { ALL_MIGRATIONS } from '@app/migrations';
import { ReachService } from '@app/reach';
import { WebhooksService } from '@app/webhooks';

import { WorkerModule } from './worker.module';

/** Builds the worker context, starts every queue's workers and the repeating jobs. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(ReadinessService).expectMigrations(ALL_MIGRATIONS.map((migration) => migration.name));
  await app.init();
  await app.get(JobRunnerService).start();
  await app.get(CampaignSchedulerService).scheduleAll();
  // Redis may have lost every job (it keeps nothing on disk): rebuild blasts from the ledger now.
  await app.get(BlastRunScheduler).reconcile();
  await app
    .get(JobsService)
    .schedule('blast-reconcile', JobName.BlastReconcile, {}, config.blasts.reconcileMs);
  await app.get(ReachService).scheduleFold();
  // Webhook deliveries whose job Redis lost: re-queued now and by a repeating sweep.
  await app.get(WebhooksService).startSweeping();
  // Every repeating job registered above comes back by itself if Redis loses it.
  await app.get(JobRunnerService).keepRepeatingJobs();
  return app;
}
