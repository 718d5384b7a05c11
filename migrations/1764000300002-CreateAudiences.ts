import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateAudiences1764000300002 implements MigrationInterface {
  name = 'CreateAudiences1764000300002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audiences" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "name" varchar(100) NOT NULL,
        "description" text,
        "kind" varchar(16) NOT NULL,
        "rules" jsonb,
        "exclude" jsonb NOT NULL DEFAULT '{"audienceIds": [], "rules": null}',
        "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "archived_at" timestamptz,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_audiences" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_audiences_kind" CHECK ("kind" IN ('dynamic', 'static')),
        CONSTRAINT "CHK_audiences_rules" CHECK (("kind" = 'dynamic') = ("rules" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audiences_channel" ON "audiences" ("channel_id", "created_at")`,
    );
    // Names are unique among a channel's live audiences.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_audiences_channel_name" ON "audiences" ("channel_id", lower("name"))
         WHERE "archived_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "audience_members" (
        "audience_id" uuid NOT NULL REFERENCES "audiences"("id") ON DELETE CASCADE,
        "recipient_id" uuid NOT NULL REFERENCES "recipients"("id") ON DELETE CASCADE,
        "added_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_audience_members" PRIMARY KEY ("audience_id", "recipient_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audience_members_recipient" ON "audience_members" ("recipient_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audience_members"`);
    await queryRunner.query(`DROP TABLE "audiences"`);
  }
}
