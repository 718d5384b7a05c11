import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One recorded change. Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE. There are no
 * foreign keys on purpose: the trail must outlive the users and channels it mentions.
 */
@Entity('audit_log')
@Index('IDX_audit_log_channel_at', ['channelId', 'at', 'id'])
@Index('IDX_audit_log_channel_entity', ['channelId', 'entityType', 'entityId', 'at'])
@Index('IDX_audit_log_channel_actor', ['channelId', 'actorUserId', 'at'])
@Index('IDX_audit_log_channel_action', ['channelId', 'action', 'at'])
export class AuditLogEntity {
  /** A bigint; the pg driver returns it as a string, which is how the API shows it. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'PK_audit_log',
  })
  id!: string;

  /** The transaction's time, so a change and its audit row carry the same instant. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** Copied at write time so the row still reads right after the user changes their email. */
  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail!: string | null;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId!: string | null;

  @Column({ type: 'inet', nullable: true })
  ip!: string | null;

  /** `<entity>.<verb>`, e.g. `campaign.update`, `channel.update`, `user.membership_add`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 128 })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}
