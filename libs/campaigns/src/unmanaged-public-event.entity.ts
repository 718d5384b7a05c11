import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { type EventDetail } from '@app/kakao-client';

/** A public event found on Kakao that no campaign manages; it can be imported as a campaign. */
@Entity('unmanaged_public_events')
export class UnmanagedPublicEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ name: 'kakao_event_id', type: 'varchar', length: 128 })
  kakaoEventId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'jsonb' })
  detail!: EventDetail;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'imported_campaign_id', type: 'uuid', nullable: true })
  importedCampaignId!: string | null;
}
