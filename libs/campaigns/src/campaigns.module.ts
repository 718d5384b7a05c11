import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@app/audit';
import { ChannelsModule } from '@app/channels';
import { WebhooksModule } from '@app/webhooks';

import { CampaignApprovalEntity } from './campaign-approval.entity';
import { CampaignApprovalService } from './campaign-approval.service';
import { CampaignKakaoCopyService } from './campaign-kakao-copy.service';
import { CampaignOutboxEntity } from './campaign-outbox.entity';
import { CampaignOutboxRepository } from './campaign-outbox.repository';
import { CampaignPublishingService } from './campaign-publishing.service';
import { CampaignRevisionEntity } from './campaign-revision.entity';
import { CampaignRevisionRepository } from './campaign-revision.repository';
import { CampaignSchedulerService } from './campaign-scheduler.service';
import { CampaignEntity } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import { CampaignsService } from './campaigns.service';
import { SubscribeCalendarEntity } from './subscribe-calendar.entity';
import { SubscribeCalendarsService } from './subscribe-calendars.service';
import { UnmanagedPublicEventEntity } from './unmanaged-public-event.entity';

/** Every table this module owns, for the TypeORM CLI's data source. */
export const CAMPAIGN_ENTITIES = [
  CampaignEntity,
  CampaignRevisionEntity,
  CampaignApprovalEntity,
  CampaignOutboxEntity,
  UnmanagedPublicEventEntity,
  SubscribeCalendarEntity,
];

/**
 * Campaign drafts, approval, publishing to Kakao, Kakao's copy and subscribe calendars. Needs a
 * `KakaoClient`, `JobsService` and the database from the application that imports it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(CAMPAIGN_ENTITIES),
    AuditModule,
    ChannelsModule,
    WebhooksModule,
  ],
  providers: [
    CampaignRepository,
    CampaignRevisionRepository,
    CampaignOutboxRepository,
    CampaignsService,
    CampaignApprovalService,
    CampaignPublishingService,
    CampaignKakaoCopyService,
    SubscribeCalendarsService,
    CampaignSchedulerService,
  ],
  exports: [
    CampaignsService,
    CampaignApprovalService,
    CampaignPublishingService,
    CampaignKakaoCopyService,
    SubscribeCalendarsService,
    CampaignSchedulerService,
  ],
})
export class CampaignsModule {}
