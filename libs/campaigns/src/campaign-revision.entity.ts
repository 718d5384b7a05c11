import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { type CampaignSnapshot } from './campaign-content';

/** One saved state of a campaign; never changed after it is written. */
@Entity('campaign_revisions')
export class CampaignRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'jsonb' })
  snapshot!: CampaignSnapshot;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  /** Why it was written: `create`, `update`, `restore:<n>`, `import`. */
  @Column({ type: 'varchar', length: 32 })
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
