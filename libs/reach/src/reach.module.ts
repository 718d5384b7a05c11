import { Module } from '@nestjs/common';

import { BlastsModule } from '@app/blasts';
import { CampaignsModule } from '@app/campaigns';
import { ChannelsModule } from '@app/channels';
import { RecipientsModule } from '@app/recipients';
import { TrackingModule } from '@app/tracking';

import { FollowEstimateRepository } from './follow-estimate.repository';
import { ReachEstimatesService } from './follow-estimate.service';
import { ReachTrackingService } from './reach-tracking.service';
import { ReachRepository } from './reach.repository';
import { ReachService } from './reach.service';

/**
 * Follower reach: tracking links and the landing page, the hourly rollups and their reads, and
 * the sampled follow estimates. Needs a `KakaoClient`, `JobsService` and the database from the
 * application that imports it.
 */
@Module({
  imports: [BlastsModule, CampaignsModule, ChannelsModule, RecipientsModule, TrackingModule],
  providers: [
    ReachRepository,
    ReachService,
    ReachTrackingService,
    FollowEstimateRepository,
    ReachEstimatesService,
  ],
  exports: [ReachService, ReachTrackingService, ReachEstimatesService],
})
export class ReachModule {}
