import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { AccessGuard, AccessModule } from '@app/access';
import { AccountsModule } from '@app/accounts';
import { AudiencesModule } from '@app/audiences';
import { AuditModule } from '@app/audit';
import { BlastsModule } from '@app/blasts';
import { CampaignsModule } from '@app/campaigns';
import { ChannelKeyCheckModule, ChannelsModule } from '@app/channels';
import { SecretsModule } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { JobsModule, RedisModule } from '@app/jobs';
import { KakaoClientModule } from '@app/kakao-client';
import { loggerModule } from '@app/observability';
import { ReachModule } from '@app/reach';
import { RecipientsModule } from '@app/recipients';
import { WebhooksModule } from '@app/webhooks';

import { AudiencesController } from './audiences/audiences.controller';
import { AuditLogController } from './audit/audit-log.controller';
import { AuthController } from './auth/auth.controller';
import { BlastsController } from './blasts/blasts.controller';
import { CalendarsController } from './campaigns/calendars.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { ChannelsController } from './channels/channels.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { IngestKeysController } from './ingest/ingest-keys.controller';
import { IngestController } from './ingest/ingest.controller';
import { JoinController } from './join/join.controller';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { ReachEstimatesController } from './reach/reach-estimates.controller';
import { ReachController } from './reach/reach.controller';
import { TrackingController } from './reach/tracking.controller';
import { RecipientImportsController } from './recipients/recipient-imports.controller';
import { RecipientsController } from './recipients/recipients.controller';
import { UsersController } from './users/users.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({
  imports: [
    ConfigModule,
    loggerModule('api'),
    DatabaseModule,
    RedisModule,
    SecretsModule,
    JobsModule,
    KakaoClientModule.forRoot({ isGlobal: true }),
    AccountsModule,
    AccessModule,
    AuditModule,
    ChannelsModule,
    ChannelKeyCheckModule,
    CampaignsModule,
    RecipientsModule,
    AudiencesModule,
    BlastsModule,
    ReachModule,
    QueueBoardModule,
    WebhooksModule,
  ],
  controllers: [
    HealthController,
    MetricsController,
    AuthController,
    UsersController,
    ChannelsController,
    AuditLogController,
    CampaignsController,
    CalendarsController,
    BlastsController,
    RecipientsController,
    RecipientImportsController,
    AudiencesController,
    JoinController,
    ReachController,
    ReachEstimatesController,
    TrackingController,
    IngestController,
    IngestKeysController,
    WebhooksController,
  ],
  // Every route is closed unless it says who may call it (@Public, @Authenticated, @RequirePermission).
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class ApiModule {}
