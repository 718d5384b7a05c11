import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@app/audit';
import { RecipientsModule } from '@app/recipients';

import { AudienceEntity, AudienceMemberEntity } from './audience.entity';
import { AudienceRepository } from './audience.repository';
import { AudiencesService } from './audiences.service';

/** Every table this module owns, for the TypeORM CLI's data source. */
export const AUDIENCE_ENTITIES = [AudienceEntity, AudienceMemberEntity];

/**
 * Audiences of a channel: dynamic segments, static lists, exclusions, live size, and the keyset
 * pages of members the blast engine streams. Exports the service, never the repository.
 */
@Module({
  imports: [TypeOrmModule.forFeature(AUDIENCE_ENTITIES), AuditModule, RecipientsModule],
  providers: [AudienceRepository, AudiencesService],
  exports: [AudiencesService],
})
export class AudiencesModule {}
