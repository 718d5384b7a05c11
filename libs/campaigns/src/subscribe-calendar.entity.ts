import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Our mirror of one of the channel's subscribe calendars (Kakao 4.17). */
@Entity('subscribe_calendars')
export class SubscribeCalendarEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ name: 'kakao_calendar_id', type: 'varchar', length: 128 })
  kakaoCalendarId!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  color!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'profile_image_url', type: 'text', nullable: true })
  profileImageUrl!: string | null;

  @Column({ name: 'thumbnail_url', type: 'text', nullable: true })
  thumbnailUrl!: string | null;

  @Column({ type: 'integer', nullable: true })
  reminder!: number | null;

  @Column({ name: 'reminder_all_day', type: 'integer', nullable: true })
  reminderAllDay!: number | null;

  @Column({ name: 'synced_at', type: 'timestamptz' })
  syncedAt!: Date;

  /** Set when the calendar no longer appears at Kakao. */
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;
}
