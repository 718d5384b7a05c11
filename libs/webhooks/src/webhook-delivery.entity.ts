import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { type WebhookEnvelope } from './webhook-events';
import { type WebhookDeliveryEvent, WebhookDeliveryState } from './webhook.enums';

/**
 * One event for one endpoint: written in the transaction of the change it reports (an outbox),
 * then posted by the worker until delivered or out of attempts.
 */
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_endpoint', ['endpointId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: WebhookDeliveryEvent;

  /** The event's id (also `id` in the body): the receiver's idempotency key. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** The exact body posted, every attempt. */
  @Column({ type: 'jsonb' })
  payload!: WebhookEnvelope;

  @Column({ type: 'varchar', length: 16, default: WebhookDeliveryState.Pending })
  state!: WebhookDeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** When the next attempt is due; while one is in flight, when it counts as lost. Null when done. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
