import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateCampaigns1764000200000 implements MigrationInterface {
  name = 'CreateCampaigns1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE "campaigns" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "name" varchar(100) NOT NULL,
        "title" varchar(50) NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "all_day" boolean NOT NULL DEFAULT false,
        "tags" text[] NOT NULL DEFAULT '{}',
        "notes" text,
        "target_kind" varchar(32) NOT NULL DEFAULT 'public_events',
        "target_calendar_id" varchar(64),
        "content" jsonb NOT NULL,
        "owner_id" uuid,
        "revision" integer NOT NULL DEFAULT 1,
        "version" integer NOT NULL,
        "approval_state" varchar(16) NOT NULL DEFAULT 'draft',
        "submitted_revision" integer,
        "approved_revision" integer,
        "sync_state" varchar(32) NOT NULL DEFAULT 'draft',
        "kakao_state" varchar(16) NOT NULL DEFAULT 'unknown',
        "kakao_event_id" varchar(128),
        "published_revision" integer,
        "published_at" timestamptz,
        "last_error_code" varchar(32),
        "last_error_message" text,
        "kakao_checked_at" timestamptz,
        "archived_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_campaigns" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_campaigns_ends_after_starts" CHECK ("ends_at" > "starts_at"),
        CONSTRAINT "CHK_campaigns_target" CHECK ("target_kind" IN ('public_events', 'subscribe_calendar'))
      )`);
    // Lists are keyset-friendly: every sort key ends with the id.
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
    await queryRunner.query(`CREATE INDEX "IDX_campaigns_tags" ON "campaigns" USING gin ("tags")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_campaigns_search" ON "campaigns" USING gin (("name" || ' ' || "title") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_campaigns_kakao_event" ON "campaigns" ("channel_id", "kakao_event_id") WHERE "kakao_event_id" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "campaign_revisions" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "campaign_id" uuid NOT NULL REFERENCES "campaigns"("id") ON DELETE CASCADE,
        "revision" integer NOT NULL,
        "snapshot" jsonb NOT NULL,
        "author_id" uuid,
        "reason" varchar(32) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_campaign_revisions" UNIQUE ("campaign_id", "revision")
      )`);

    await queryRunner.query(`
      CREATE TABLE "campaign_approvals" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "campaign_id" uuid NOT NULL REFERENCES "campaigns"("id") ON DELETE CASCADE,
        "revision" integer NOT NULL,
        "decision" varchar(16) NOT NULL,
        "actor_id" uuid,
        "comment" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_campaign_approvals_campaign" ON "campaign_approvals" ("campaign_id", "id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "campaign_outbox" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "campaign_id" uuid NOT NULL REFERENCES "campaigns"("id") ON DELETE CASCADE,
        "channel_id" uuid NOT NULL,
        "action" varchar(16) NOT NULL,
        "revision" integer,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "create_calls" integer NOT NULL DEFAULT 0,
        "last_error_code" varchar(32),
        "last_error_message" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "processed_at" timestamptz
      )`);
    // One open intent per campaign: double clicks and concurrent requests cannot queue two.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_campaign_outbox_open" ON "campaign_outbox" ("campaign_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_campaign_outbox_pending" ON "campaign_outbox" ("updated_at") WHERE "status" = 'pending'`,
    );

    await queryRunner.query(`
      CREATE TABLE "unmanaged_public_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "kakao_event_id" varchar(128) NOT NULL,
        "title" varchar(200) NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "detail" jsonb NOT NULL,
        "first_seen_at" timestamptz NOT NULL,
        "last_seen_at" timestamptz NOT NULL,
        "imported_campaign_id" uuid,
        CONSTRAINT "UQ_unmanaged_public_events" UNIQUE ("channel_id", "kakao_event_id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "subscribe_calendars" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "kakao_calendar_id" varchar(128) NOT NULL,
        "name" varchar(200),
        "color" varchar(16),
        "description" text,
        "profile_image_url" text,
        "thumbnail_url" text,
        "reminder" integer,
        "reminder_all_day" integer,
        "synced_at" timestamptz NOT NULL,
        "removed_at" timestamptz,
        CONSTRAINT "UQ_subscribe_calendars" UNIQUE ("channel_id", "kakao_calendar_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscribe_calendars"`);
    await queryRunner.query(`DROP TABLE "unmanaged_public_events"`);
    await queryRunner.query(`DROP TABLE "campaign_outbox"`);
    await queryRunner.query(`DROP TABLE "campaign_approvals"`);
    await queryRunner.query(`DROP TABLE "campaign_revisions"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
