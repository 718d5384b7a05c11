import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A Kakao Talk Channel the console manages, with the credentials of the Kakao app it is connected to. */
@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Kakao's profile id of the channel, e.g. `_ZBlkG`. */
  @Column({ name: 'channel_public_id', type: 'varchar', length: 64, unique: true })
  channelPublicId!: string;

  @Column({ name: 'kakao_app_id', type: 'varchar', length: 64, nullable: true })
  kakaoAppId!: string | null;

  /** The Kakao app keys, sealed with the SecretBox; write-only through the API. */
  @Column({ name: 'rest_api_key_sealed', type: 'text', nullable: true })
  restApiKeySealed!: string | null;

  @Column({ name: 'admin_key_sealed', type: 'text', nullable: true })
  adminKeySealed!: string | null;

  @Column({ name: 'client_secret_sealed', type: 'text', nullable: true })
  clientSecretSealed!: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Seoul' })
  timeZone!: string;

  @Column({ name: 'approval_required', type: 'boolean', default: true })
  approvalRequired!: boolean;

  /** Local quiet hours for ad messages, `HH:mm` (Korean law: 21:00–08:00). */
  @Column({ name: 'quiet_hours_start', type: 'varchar', length: 5, default: '21:00' })
  quietHoursStart!: string;

  @Column({ name: 'quiet_hours_end', type: 'varchar', length: 5, default: '08:00' })
  quietHoursEnd!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
