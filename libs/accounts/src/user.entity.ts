import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import { ChannelMembershipEntity } from './channel-membership.entity';

/** A console user. Emails are stored lower-cased (a CHECK constraint holds the line). */
@Entity('users')
@Unique('UQ_users_email', ['email'])
@Check('CHK_users_email_lower_case', `"email" = lower("email")`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  /** argon2id, in the PHC string format (parameters and salt included). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Runs the console for every channel (the queue board); not a channel role. */
  @Column({ name: 'is_operator', type: 'boolean', default: false })
  isOperator!: boolean;

  @OneToMany(() => ChannelMembershipEntity, (membership) => membership.user)
  memberships?: Relation<ChannelMembershipEntity>[];

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
