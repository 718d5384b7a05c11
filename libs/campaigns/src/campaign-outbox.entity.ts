import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { OutboxAction, OutboxStatus } from './campaign.enums';

/**
 * A publish or unpublish intent, written in the same transaction as the campaign's state change
 * and worked by the worker. At most one open row per campaign (a partial unique index).
 */
@Entity('campaign_outbox')
export class CampaignOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: OutboxAction;

  /** The revision to publish (publish only). */
  @Column({ type: 'integer', nullable: true })
  revision!: number | null;

  @Column({ type: 'varchar', length: 16, default: OutboxStatus.Pending })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /**
   * Create calls started at Kakao for this row. Above zero without a stored event id, a crash may
   * have left an event behind, which the next attempt looks for before creating another.
   */
  @Column({ name: 'create_calls', type: 'integer', default: 0 })
  createCalls!: number;

  @Column({ name: 'last_error_code', type: 'varchar', length: 32, nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'last_error_message', type: 'text', nullable: true })
  lastErrorMessage!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
