import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { DeliveryState } from './blast.enums';

/** The ledger: one row per (run, recipient), the source of truth of who got what. */
@Entity('blast_deliveries')
export class BlastDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ name: 'batch_no', type: 'integer' })
  batchNo!: number;

  @Column({ type: 'varchar', length: 16, default: DeliveryState.Pending })
  state!: DeliveryState;

  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  @Column({ name: 'kakao_code', type: 'integer', nullable: true })
  kakaoCode!: number | null;

  /** Kakao's message, or why the delivery was skipped. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
