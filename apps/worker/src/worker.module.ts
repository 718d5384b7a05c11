import { Module } from '@nestjs/common';

import { AudiencesModule } from '@app/audiences';
import { BlastsModule } from '@app/blasts';
import { CampaignsModule } from '@app/campaigns';
import { SecretsModule } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { JobsModule, RedisModule } from '@app/jobs';
import { KakaoClientModule } from '@app/kakao-client';
import { loggerModule } from '@app/observability';
import { ReachModule } from '@app/reach';
import { RecipientsWorkerModule } from '@app/recipients';
import { WebhooksModule } from '@app/webhooks';

import { WorkerHealthServer } from './worker-health.server';

/** The job runner process: no public HTTP, only a small health port. */
@Module({
  imports: [
    ConfigModule,
    loggerModule('worker'),
    DatabaseModule,
    RedisModule,
    SecretsModule,
    JobsModule,
    KakaoClientModule.forRoot({ isGlobal: true }),
    CampaignsModule,
    RecipientsWorkerModule,
    AudiencesModule,
    BlastsModule,
    ReachModule,
    WebhooksModule,
  ],
  providers: [WorkerHealthServer],
})
export class WorkerModule {}
