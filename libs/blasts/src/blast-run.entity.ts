import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { PauseReason, RunState } from './blast.enums';

/** One sending of a blast (one per occurrence of a recurring schedule). */
@Entity('blast_runs')
export class BlastRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'blast_id', type: 'uuid' })
  blastId!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt!: Date;

  @Column({ type: 'varchar', length: 16, default: RunState.Pending })
  state!: RunState;

  @Column({ name: 'pause_reason', type: 'varchar', length: 16, nullable: true })
  pauseReason!: PauseReason | null;

  @Column({ name: 'resume_at', type: 'timestamptz', nullable: true })
  resumeAt!: Date | null;

  /** Last recipient id written to the ledger: fan-out resumes after it. */
  @Column({ name: 'fanout_cursor', type: 'uuid', nullable: true })
  fanoutCursor!: string | null;

  @Column({ name: 'fanout_done', type: 'boolean', default: false })
  fanoutDone!: boolean;

  @Column({ name: 'batch_count', type: 'integer', default: 0 })
  batchCount!: number;

  @Column({ name: 'recipient_count', type: 'integer', default: 0 })
  recipientCount!: number;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
