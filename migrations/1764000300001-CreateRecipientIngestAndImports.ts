import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateRecipientIngestAndImports1764000300001 implements MigrationInterface {
  name = 'CreateRecipientIngestAndImports1764000300001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingest_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "name" varchar(100) NOT NULL,
        "key_hash" char(64) NOT NULL,
        "key_prefix" varchar(16) NOT NULL,
        "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "PK_ingest_keys" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_ingest_keys_key_hash" UNIQUE ("key_hash")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ingest_keys_channel" ON "ingest_keys" ("channel_id", "created_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "recipient_imports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "kind" varchar(32) NOT NULL,
        "target_id" uuid,
        "mode" varchar(16) NOT NULL DEFAULT 'merge',
        "state" varchar(16) NOT NULL,
        "file_name" varchar(255),
        "bytes_received" bigint NOT NULL DEFAULT 0,
        "rows_read" integer NOT NULL DEFAULT 0,
        "rows_accepted" integer NOT NULL DEFAULT 0,
        "rows_rejected" integer NOT NULL DEFAULT 0,
        "rows_applied" integer NOT NULL DEFAULT 0,
        "error" text,
        "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_recipient_imports" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_recipient_imports_state"
          CHECK ("state" IN ('uploading', 'queued', 'processing', 'completed', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_recipient_imports_channel" ON "recipient_imports" ("channel_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "recipient_import_chunks" (
        "import_id" uuid NOT NULL REFERENCES "recipient_imports"("id") ON DELETE CASCADE,
        "seq" integer NOT NULL,
        "data" bytea NOT NULL,
        CONSTRAINT "PK_recipient_import_chunks" PRIMARY KEY ("import_id", "seq")
      )`);
    await queryRunner.query(`
      CREATE TABLE "recipient_import_rows" (
        "import_id" uuid NOT NULL REFERENCES "recipient_imports"("id") ON DELETE CASCADE,
        "row_number" integer NOT NULL,
        "recipient_id" uuid NOT NULL,
        "tags" text[],
        "attributes" jsonb,
        "time_zone" varchar(64),
        CONSTRAINT "PK_recipient_import_rows" PRIMARY KEY ("import_id", "row_number")
      )`);
    // A recipient appears once per file; later duplicates are rejected rows.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_recipient_import_rows_recipient"
         ON "recipient_import_rows" ("import_id", "recipient_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "recipient_import_errors" (
        "import_id" uuid NOT NULL REFERENCES "recipient_imports"("id") ON DELETE CASCADE,
        "row_number" integer NOT NULL,
        "kakao_user_id" varchar(64),
        "reason" text NOT NULL,
        CONSTRAINT "PK_recipient_import_errors" PRIMARY KEY ("import_id", "row_number")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "recipient_import_errors"`);
    await queryRunner.query(`DROP TABLE "recipient_import_rows"`);
    await queryRunner.query(`DROP TABLE "recipient_import_chunks"`);
    await queryRunner.query(`DROP TABLE "recipient_imports"`);
    await queryRunner.query(`DROP TABLE "ingest_keys"`);
  }
}
