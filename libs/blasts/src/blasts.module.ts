import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AudiencesModule } from '@app/audiences';
import { AuditModule } from '@app/audit';
import { CampaignsModule } from '@app/campaigns';
import { ChannelsModule } from '@app/channels';
import { RecipientsModule } from '@app/recipients';
import { TrackingModule } from '@app/tracking';
import { WebhooksModule } from '@app/webhooks';

import { BlastDeliveryEntity } from './blast-delivery.entity';
import { BlastFanOutService } from './blast-fan-out.service';
import { BlastLedgerRepository } from './blast-ledger.repository';
import { BlastRunScheduler } from './blast-run-scheduler.service';
import { BlastRunTransitions } from './blast-run-transitions';
import { BlastRunEntity } from './blast-run.entity';
import { BlastSenderService } from './blast-sender.service';
import { BlastEntity } from './blast.entity';
import { BlastsService } from './blasts.service';

export const BLAST_ENTITIES = [BlastEntity, BlastRunEntity, BlastDeliveryEntity];

/** Calendar-message blasts: definitions, runs, the ledger and the engine that sends them. */
@Module({
  imports: [
    TypeOrmModule.forFeature(BLAST_ENTITIES),
    AuditModule,
    AudiencesModule,
    RecipientsModule,
    TrackingModule,
    CampaignsModule,
    ChannelsModule,
    WebhooksModule,
  ],
  providers: [
    BlastLedgerRepository,
    BlastRunTransitions,
    BlastRunScheduler,
    BlastFanOutService,
    BlastSenderService,
    BlastsService,
  ],
  exports: [BlastsService, BlastRunScheduler, BlastRunTransitions],
})
export class BlastsModule {}
