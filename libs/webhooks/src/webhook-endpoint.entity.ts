import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import { type WebhookEventType } from './webhook.enums';

/** A URL of a channel that receives the events it subscribes to, signed with its secret. */
@Entity('webhook_endpoints')
@Index('IDX_webhook_endpoints_channel', ['channelId', 'createdAt'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  /** A non-empty subset of the seven event types. */
  @Column({ type: 'text', array: true })
  events!: WebhookEventType[];

  /** The signing secret, sealed with the SecretBox; shown in clear only on create and rotate. */
  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 200, default: '' })
  description!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
