import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import { BlastState, DeliveryMode } from './blast.enums';

/** What the message says; turned into Kakao's `calendar` template (5.3) at send time. */
export interface BlastMessage {
  /** `event`: a published campaign's public event; `calendar`: a subscribe calendar. */
  idType: 'event' | 'calendar';
  campaignId?: string;
  subscribeCalendarId?: string;
  title?: string;
  description?: string;
  imageUrl?: string;
  imageWidth?: number;
  imageHeight?: number;
  webUrl?: string;
  mobileWebUrl?: string;
  button?: { title: string; webUrl?: string; mobileWebUrl?: string };
  /**
   * Send-to-me blasts only: each recipient's content link and button lead through their own
   * signed tracking link to the console's landing page (clicks, follows, subscriptions).
   */
  tracking?: boolean;
}

export interface BlastSchedule {
  /** `now`, at a local time, or every occurrence of an RRULE from `at`. */
  kind: 'now' | 'at' | 'recurring';
  /** Local date-time `YYYY-MM-DDTHH:mm` in `timeZone`. */
  at?: string;
  timeZone: string;
  rrule?: string;
  /** Recurring runs: only recipients no earlier run of this blast reached. */
  onlyNotReached?: boolean;
}

@Entity('blasts')
export class BlastEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16, default: BlastState.Draft })
  state!: BlastState;

  @Column({ type: 'jsonb' })
  message!: BlastMessage;

  /** The Kakao id the template points at (public event or subscribe calendar), resolved on save. */
  @Column({ name: 'kakao_target_id', type: 'varchar', length: 128 })
  kakaoTargetId!: string;

  @Column({ name: 'audience_id', type: 'uuid' })
  audienceId!: string;

  @Column({ type: 'jsonb' })
  schedule!: BlastSchedule;

  /** Messages per second across all workers. */
  @Column({ name: 'rate_per_second', type: 'integer' })
  ratePerSecond!: number;

  @Column({ name: 'quiet_hours', type: 'boolean', default: true })
  quietHours!: boolean;

  /** At most this many calendar messages per recipient per 7 days, across blasts. */
  @Column({ name: 'frequency_cap', type: 'integer', nullable: true })
  frequencyCap!: number | null;

  @Column({ name: 'delivery_mode', type: 'varchar', length: 16, default: DeliveryMode.SendToMe })
  deliveryMode!: DeliveryMode;

  /** Friends mode: the recipient whose account sends to its friends. */
  @Column({ name: 'sender_recipient_id', type: 'uuid', nullable: true })
  senderRecipientId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
