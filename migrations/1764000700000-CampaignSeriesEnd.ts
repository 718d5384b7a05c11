import { type MigrationInterface, type QueryRunner } from 'typeorm';

const LIVE = `WHERE "archived_at" IS NULL`;

/**
 * When a campaign's last occurrence ends (NULL: it repeats without end), so a month of the
 * calendar also finds repeating campaigns whose first occurrence lies months before it. Rows
 * written before this column are given their single occurrence's end, or no end when they repeat
 * (the next save computes the real one); the window index spans the whole series.
 */
export class CampaignSeriesEnd1764000700000 implements MigrationInterface {
  name = 'CampaignSeriesEnd1764000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD COLUMN "series_ends_at" timestamptz`);
    await queryRunner.query(
      `UPDATE "campaigns" SET "series_ends_at" = "ends_at" WHERE coalesce("content"->>'rrule', '') = ''`,
    );
    await queryRunner.query(`DROP INDEX "IDX_campaigns_channel_span"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_series" ON "campaigns" USING gist ("channel_id", tstzrange("starts_at", "series_ends_at")) ${LIVE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_campaigns_channel_series"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_channel_span" ON "campaigns" USING gist ("channel_id", tstzrange("starts_at", "ends_at")) ${LIVE}`,
    );
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "series_ends_at"`);
  }
}
