import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import { ChannelRelation, ConsentState, RecipientSource } from './recipient.enums';

/** Attribute values are scalars, so rules can compare them. */
export type AttributeValue = string | number | boolean;

/** A Kakao user linked to the app who agreed to get the channel's messages. */
@Entity('recipients')
@Unique('UQ_recipients_channel_user', ['channelId', 'kakaoUserId'])
@Index('IDX_recipients_channel_id', ['channelId', 'id'])
@Index('IDX_recipients_relation_checked', ['channelId', 'channelRelationCheckedAt'])
export class RecipientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  /** Kakao's user id (a Long): kept as text so no precision is lost. */
  @Column({ name: 'kakao_user_id', type: 'varchar', length: 32 })
  kakaoUserId!: string;

  /** App-scoped uuid used as a friend-message receiver id (5.2). */
  @Column({ name: 'kakao_uuid', type: 'varchar', length: 128, nullable: true })
  kakaoUuid!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  nickname!: string | null;

  /** Consent items the token carries; null when the channel's backend did not say. */
  @Column({ type: 'text', array: true, nullable: true })
  scopes!: string[] | null;

  /** Sealed with the SecretBox (AES-256-GCM); never stored or returned in clear text. */
  @Column({ name: 'access_token_sealed', type: 'text', nullable: true })
  accessTokenSealed!: string | null;

  @Column({ name: 'refresh_token_sealed', type: 'text', nullable: true })
  refreshTokenSealed!: string | null;

  /** Null when unknown (ingested without expiresIn): used until Kakao answers -401. */
  @Column({ name: 'access_token_expires_at', type: 'timestamptz', nullable: true })
  accessTokenExpiresAt!: Date | null;

  @Column({ name: 'refresh_token_expires_at', type: 'timestamptz', nullable: true })
  refreshTokenExpiresAt!: Date | null;

  @Column({ name: 'consent_state', type: 'varchar', length: 16, default: ConsentState.Active })
  consentState!: ConsentState;

  /** Why the consent left `active` (e.g. `refresh_failed:KOE322`). */
  @Column({ name: 'consent_reason', type: 'text', nullable: true })
  consentReason!: string | null;

  @Column({ name: 'consent_changed_at', type: 'timestamptz', nullable: true })
  consentChangedAt!: Date | null;

  @Column({
    name: 'channel_relation',
    type: 'varchar',
    length: 16,
    default: ChannelRelation.Unknown,
  })
  channelRelation!: ChannelRelation;

  @Column({ name: 'channel_relation_checked_at', type: 'timestamptz', nullable: true })
  channelRelationCheckedAt!: Date | null;

  /** IANA zone for quiet hours; null falls back to the channel's. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone!: string | null;

  /** Sorted, without duplicates. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, AttributeValue>;

  @Column({ type: 'varchar', length: 16 })
  source!: RecipientSource;

  /** The last time the person (re)gave consent. */
  @Column({ name: 'opted_in_at', type: 'timestamptz' })
  optedInAt!: Date;

  @Column({ name: 'last_delivered_at', type: 'timestamptz', nullable: true })
  lastDeliveredAt!: Date | null;

  /** Bumped by edits of people (PUT, imports), not by token refreshes or deliveries. */
  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
