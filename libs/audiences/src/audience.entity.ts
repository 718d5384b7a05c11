import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import { type AudienceExclusions, type RuleGroup } from './audience-rules';

export enum AudienceKind {
  /** Members are the recipients matching the rules at the moment of asking. */
  Dynamic = 'dynamic',
  /** Members are listed (from CSV or by id). */
  Static = 'static',
}

/** A segment of a channel's recipients. */
@Entity('audiences')
@Index('IDX_audiences_channel', ['channelId', 'createdAt'])
export class AudienceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: AudienceKind;

  /** Dynamic audiences only; checked by `validateRuleGroup` before it is stored. */
  @Column({ type: 'jsonb', nullable: true })
  rules!: RuleGroup | null;

  @Column({ type: 'jsonb', default: () => `'{"audienceIds": [], "rules": null}'` })
  exclude!: AudienceExclusions;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /** Deleted audiences are archived: blasts that used them keep a valid reference. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A member of a static audience. */
@Entity('audience_members')
@Index('IDX_audience_members_recipient', ['recipientId'])
export class AudienceMemberEntity {
  @PrimaryColumn({ name: 'audience_id', type: 'uuid' })
  audienceId!: string;

  @PrimaryColumn({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
