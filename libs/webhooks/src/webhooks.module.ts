import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@app/audit';

import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Every table this module owns, for the TypeORM CLI's data source. */
export const WEBHOOK_ENTITIES = [
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
];

/**
 * Outbound webhooks of a channel. Needs `JobsService`, the database and the SecretBox from the
 * application that imports it.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOK_ENTITIES), AuditModule],
  providers: [WebhooksRepository, WebhooksService],
  exports: [WebhooksService],
})
export class WebhooksModule {}
