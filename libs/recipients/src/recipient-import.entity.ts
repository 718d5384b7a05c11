import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { type AttributeValue } from './recipient.entity';
import { ImportKind, ImportMode, ImportState } from './recipient.enums';

/** One streamed CSV import and its progress. */
@Entity('recipient_imports')
@Index('IDX_recipient_imports_channel', ['channelId', 'createdAt'])
export class RecipientImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ImportKind;

  /** The static audience filled by an `audience_members` import. */
  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId!: string | null;

  @Column({ type: 'varchar', length: 16, default: ImportMode.Merge })
  mode!: ImportMode;

  @Column({ type: 'varchar', length: 16 })
  state!: ImportState;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ name: 'bytes_received', type: 'bigint', default: 0 })
  bytesReceived!: string;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ name: 'rows_accepted', type: 'integer', default: 0 })
  rowsAccepted!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  /** Rows written by the final transaction (0 until it commits). */
  @Column({ name: 'rows_applied', type: 'integer', default: 0 })
  rowsApplied!: number;

  /** The processing that owns the import; an earlier one, taken over after a stall, may not write. */
  @Column({ type: 'integer', default: 0 })
  attempt!: number;

  /** Why the import failed as a whole (rejected rows are in the errors report). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The uploaded file, in order, in pieces of about 1 MiB: any worker can read it. */
@Entity('recipient_import_chunks')
export class RecipientImportChunkEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'bytea' })
  data!: Buffer;
}

/** Accepted rows, staged until the import applies them all in one transaction. */
@Entity('recipient_import_rows')
@Index('UQ_recipient_import_rows_recipient', ['importId', 'recipientId'], { unique: true })
export class RecipientImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ type: 'text', array: true, nullable: true })
  tags!: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  attributes!: Record<string, AttributeValue> | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone!: string | null;
}

/** Rejected rows with their reason: the downloadable report. */
@Entity('recipient_import_errors')
export class RecipientImportErrorEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ name: 'kakao_user_id', type: 'varchar', length: 64, nullable: true })
  kakaoUserId!: string | null;

  @Column({ type: 'text' })
  reason!: string;
}
