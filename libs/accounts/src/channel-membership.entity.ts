import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';

import { ChannelEntity } from '@app/channels';

import { Role } from './role';
import { UserEntity } from './user.entity';

/** A user's role in one channel; the primary key (user, channel) allows one role per channel. */
@Entity('channel_memberships')
@Index('IDX_channel_memberships_channel_id', ['channelId'])
export class ChannelMembershipEntity {
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_channel_memberships',
  })
  userId!: string;

  @PrimaryColumn({
    name: 'channel_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_channel_memberships',
  })
  channelId!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'channel_role' })
  role!: Role;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => UserEntity, (user) => user.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_channel_memberships_user_id' })
  user?: Relation<UserEntity>;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'FK_channel_memberships_channel_id' })
  channel?: Relation<ChannelEntity>;
}
