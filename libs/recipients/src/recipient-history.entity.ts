import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ChannelRelation, ConsentState } from './recipient.enums';

/** Every consent change of a recipient, with its reason: nobody is skipped silently. */
@Entity('recipient_consent_changes')
@Index('IDX_recipient_consent_changes_recipient', ['recipientId', 'changedAt'])
export class RecipientConsentChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  /** Null for the first opt-in. */
  @Column({ name: 'from_state', type: 'varchar', length: 16, nullable: true })
  fromState!: ConsentState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 16 })
  toState!: ConsentState;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The person who made the change; null for the console itself and for the recipient. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}

/** Every change of a recipient's channel relation seen by a check (for reach reports). */
@Entity('recipient_relation_changes')
@Index('IDX_recipient_relation_changes_channel', ['channelId', 'changedAt'])
@Index('IDX_recipient_relation_changes_recipient', ['recipientId', 'changedAt'])
export class RecipientRelationChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ name: 'from_relation', type: 'varchar', length: 16 })
  fromRelation!: ChannelRelation;

  @Column({ name: 'to_relation', type: 'varchar', length: 16 })
  toRelation!: ChannelRelation;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
