import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import { type CampaignContent } from './campaign-content';
import { ApprovalState, KakaoState, SyncState } from './campaign.enums';

/** The current draft of a campaign plus where it stands in approval and with Kakao. */
@Entity('campaigns')
// Lists show live campaigns: partial indexes per sort key (migration CampaignListIndexes).
@Index('IDX_campaigns_channel_updated', ['channelId', 'updatedAt', 'id'], {
  where: '"archived_at" IS NULL',
})
@Index('IDX_campaigns_channel_starts', ['channelId', 'startsAt', 'id'], {
  where: '"archived_at" IS NULL',
})
@Index('IDX_campaigns_channel_created', ['channelId', 'createdAt', 'id'], {
  where: '"archived_at" IS NULL',
})
@Index('IDX_campaigns_channel_name', ['channelId', 'name', 'id'], {
  where: '"archived_at" IS NULL',
})
@Index('IDX_campaigns_channel_title', ['channelId', 'title', 'id'], {
  where: '"archived_at" IS NULL',
})
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Copied from the content for lists and search. */
  @Column({ type: 'varchar', length: 50 })
  title!: string;

  /** Instants of the first occurrence; all-day events start and end at local midnight. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  /** When the last occurrence ends (padded a day); null for a series without end. */
  @Column({ name: 'series_ends_at', type: 'timestamptz', nullable: true })
  seriesEndsAt!: Date | null;

  @Column({ name: 'all_day', type: 'boolean', default: false })
  allDay!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'target_kind', type: 'varchar', length: 32, default: 'public_events' })
  targetKind!: 'public_events' | 'subscribe_calendar';

  @Column({ name: 'target_calendar_id', type: 'varchar', length: 64, nullable: true })
  targetCalendarId!: string | null;

  @Column({ type: 'jsonb' })
  content!: CampaignContent;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  /** Number of the latest revision (every save adds one). */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @VersionColumn()
  version!: number;

  @Column({ name: 'approval_state', type: 'varchar', length: 16, default: ApprovalState.Draft })
  approvalState!: ApprovalState;

  @Column({ name: 'submitted_revision', type: 'integer', nullable: true })
  submittedRevision!: number | null;

  @Column({ name: 'approved_revision', type: 'integer', nullable: true })
  approvedRevision!: number | null;

  @Column({ name: 'sync_state', type: 'varchar', length: 32, default: SyncState.Draft })
  syncState!: SyncState;

  @Column({ name: 'kakao_state', type: 'varchar', length: 16, default: KakaoState.Unknown })
  kakaoState!: KakaoState;

  @Column({ name: 'kakao_event_id', type: 'varchar', length: 128, nullable: true })
  kakaoEventId!: string | null;

  @Column({ name: 'published_revision', type: 'integer', nullable: true })
  publishedRevision!: number | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'last_error_code', type: 'varchar', length: 32, nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'last_error_message', type: 'text', nullable: true })
  lastErrorMessage!: string | null;

  @Column({ name: 'kakao_checked_at', type: 'timestamptz', nullable: true })
  kakaoCheckedAt!: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
