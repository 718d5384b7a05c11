import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateBlasts1764000400000 implements MigrationInterface {
  name = 'CreateBlasts1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "blasts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "name" varchar(100) NOT NULL,
        "state" varchar(16) NOT NULL DEFAULT 'draft',
        "message" jsonb NOT NULL,
        "kakao_target_id" varchar(128) NOT NULL,
        "audience_id" uuid NOT NULL,
        "schedule" jsonb NOT NULL,
        "rate_per_second" integer NOT NULL CHECK ("rate_per_second" > 0),
        "quiet_hours" boolean NOT NULL DEFAULT true,
        "frequency_cap" integer,
        "delivery_mode" varchar(16) NOT NULL DEFAULT 'send_to_me',
        "sender_recipient_id" uuid,
        "created_by" uuid,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_blasts_channel" ON "blasts" ("channel_id", "updated_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "blast_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "blast_id" uuid NOT NULL REFERENCES "blasts"("id") ON DELETE CASCADE,
        "channel_id" uuid NOT NULL,
        "scheduled_at" timestamptz NOT NULL,
        "state" varchar(16) NOT NULL DEFAULT 'pending',
        "pause_reason" varchar(16),
        "resume_at" timestamptz,
        "fanout_cursor" uuid,
        "fanout_done" boolean NOT NULL DEFAULT false,
        "batch_count" integer NOT NULL DEFAULT 0,
        "recipient_count" integer NOT NULL DEFAULT 0,
        "started_at" timestamptz,
        "finished_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_blast_runs_occurrence" UNIQUE ("blast_id", "scheduled_at")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_blast_runs_state" ON "blast_runs" ("state", "resume_at")`,
    );
    // The ledger. UNIQUE (run, recipient): nobody is written twice into one run.
    await queryRunner.query(`
      CREATE TABLE "blast_deliveries" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "run_id" uuid NOT NULL REFERENCES "blast_runs"("id") ON DELETE CASCADE,
        "recipient_id" uuid NOT NULL,
        "batch_no" integer NOT NULL,
        "state" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" smallint NOT NULL DEFAULT 0,
        "kakao_code" integer,
        "reason" text,
        "sent_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_blast_deliveries_run_recipient" UNIQUE ("run_id", "recipient_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_blast_deliveries_batch" ON "blast_deliveries" ("run_id", "batch_no", "state")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_blast_deliveries_state" ON "blast_deliveries" ("run_id", "state")`,
    );
    // Frequency caps and "not yet reached" look up a recipient's recent sends.
    await queryRunner.query(
      `CREATE INDEX "IDX_blast_deliveries_recipient_sent" ON "blast_deliveries" ("recipient_id", "sent_at") WHERE "state" = 'sent'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "blast_deliveries"`);
    await queryRunner.query(`DROP TABLE "blast_runs"`);
    await queryRunner.query(`DROP TABLE "blasts"`);
  }
}
