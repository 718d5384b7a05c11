import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@app/audit';
import { ChannelsModule } from '@app/channels';

import { IngestKeyEntity } from './ingest-key.entity';
import { IngestKeysService } from './ingest-keys.service';
import { JoinStateStore } from './join-state.store';
import {
  RecipientConsentChangeEntity,
  RecipientRelationChangeEntity,
} from './recipient-history.entity';
import {
  RecipientImportChunkEntity,
  RecipientImportEntity,
  RecipientImportErrorEntity,
  RecipientImportRowEntity,
} from './recipient-import.entity';
import { RecipientImportRepository } from './recipient-import.repository';
import { RecipientImportsService } from './recipient-imports.service';
import { RecipientIngestService } from './recipient-ingest.service';
import { RecipientOptInService } from './recipient-opt-in.service';
import { RecipientRelationSyncService } from './recipient-relation-sync.service';
import { RecipientTokenVault } from './recipient-token.vault';
import { RecipientEntity } from './recipient.entity';
import { RecipientRepository } from './recipient.repository';
import { RecipientsService } from './recipients.service';

/** Every table this module owns, for the TypeORM CLI's data source. */
export const RECIPIENT_ENTITIES = [
  RecipientEntity,
  RecipientConsentChangeEntity,
  RecipientRelationChangeEntity,
  IngestKeyEntity,
  RecipientImportEntity,
  RecipientImportChunkEntity,
  RecipientImportRowEntity,
  RecipientImportErrorEntity,
];

/**
 * Recipients of a channel: the opt-in pages, the ingest API and its keys, CSV imports, token
 * access for senders and the channel relation sync. Needs a `KakaoClient`, `JobsService`, Redis
 * and the database from the application that imports it. Exports services, never repositories.
 */
@Module({
  imports: [TypeOrmModule.forFeature(RECIPIENT_ENTITIES), AuditModule, ChannelsModule],
  providers: [
    RecipientRepository,
    RecipientImportRepository,
    RecipientTokenVault,
    JoinStateStore,
    RecipientsService,
    RecipientOptInService,
    IngestKeysService,
    RecipientIngestService,
    RecipientImportsService,
    RecipientRelationSyncService,
  ],
  exports: [
    RecipientsService,
    RecipientOptInService,
    IngestKeysService,
    RecipientIngestService,
    RecipientImportsService,
    RecipientRelationSyncService,
  ],
})
export class RecipientsModule {}

@Injectable()
class RecipientSchedules implements OnApplicationBootstrap {
  constructor(
    private readonly relations: RecipientRelationSyncService,
    private readonly imports: RecipientImportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relations.schedule();
    // Redis keeps nothing on disk: imports whose job was lost are queued again.
    await this.imports.requeueUnfinished();
  }
}

/**
 * For the worker only: registers the repeating relation sync and re-queues unfinished imports
 * when the worker starts.
 */
@Module({ imports: [RecipientsModule], providers: [RecipientSchedules] })
export class RecipientsWorkerModule {}
