import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Campaign lists at 100,000 rows per channel (bench/campaigns-list.ts). Lists show live campaigns
 * (`archived_at IS NULL`), so every sort key gets a partial index ending with the id: a page is
 * then an index-only scan however deep it is, and the total is an index-only count instead of a
 * sequential scan. The calendar view's overlap filter gets a GiST index on the time span.
 */
export class CampaignListIndexes1764000200001 implements MigrationInterface {
  name = 'CampaignListIndexes1764000200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    for (const index of [
      'IDX_campaigns_channel_updated',
      'IDX_campaigns_channel_starts',
      'IDX_campaigns_channel_sync',
      'IDX_campaigns_channel_approval',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    const live = `WHERE "archived_at" IS NULL`;
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_updated" ON "campaigns" ("channel_id", "updated_at", "id") ${live}`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_starts" ON "campaigns" ("channel_id", "starts_at", "id") ${live}`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_created" ON "campaigns" ("channel_id", "created_at", "id") ${live}`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_name" ON "campaigns" ("channel_id", "name", "id") ${live}`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_title" ON "campaigns" ("channel_id", "title", "id") ${live}`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_sync" ON "campaigns" ("channel_id", "sync_state", "updated_at", "id") ${live}`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_approval" ON "campaigns" ("channel_id", "approval_state", "updated_at", "id") ${live}`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_span" ON "campaigns" USING gist ("channel_id", tstzrange("starts_at", "ends_at")) ${live}`,
    );
    // The archive is small; one index serves its default order.
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_archived" ON "campaigns" ("channel_id", "updated_at", "id") WHERE "archived_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'IDX_campaigns_channel_archived',
      'IDX_campaigns_channel_span',
      'IDX_campaigns_channel_approval',
      'IDX_campaigns_channel_sync',
      'IDX_campaigns_channel_title',
      'IDX_campaigns_channel_name',
      'IDX_campaigns_channel_created',
      'IDX_campaigns_channel_starts',
      'IDX_campaigns_channel_updated',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_updated" ON "campaigns" ("channel_id", "updated_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_starts" ON "campaigns" ("channel_id", "starts_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_sync" ON "campaigns" ("channel_id", "sync_state", "updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_approval" ON "campaigns" ("channel_id", "approval_state", "updated_at")`,
    );
  }
}
