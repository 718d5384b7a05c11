import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateRecipients1764000300000 implements MigrationInterface {
  name = 'CreateRecipients1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "recipients" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "kakao_user_id" varchar(32) NOT NULL,
        "kakao_uuid" varchar(128),
        "nickname" varchar(100),
        "scopes" text[],
        "access_token_sealed" text,
        "refresh_token_sealed" text,
        "access_token_expires_at" timestamptz,
        "refresh_token_expires_at" timestamptz,
        "consent_state" varchar(16) NOT NULL DEFAULT 'active',
        "consent_reason" text,
        "consent_changed_at" timestamptz,
        "channel_relation" varchar(16) NOT NULL DEFAULT 'UNKNOWN',
        "channel_relation_checked_at" timestamptz,
        "time_zone" varchar(64),
        "tags" text[] NOT NULL DEFAULT '{}',
        "attributes" jsonb NOT NULL DEFAULT '{}',
        "source" varchar(16) NOT NULL,
        "opted_in_at" timestamptz NOT NULL,
        "last_delivered_at" timestamptz,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_recipients" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_recipients_channel_user" UNIQUE ("channel_id", "kakao_user_id"),
        CONSTRAINT "CHK_recipients_consent_state"
          CHECK ("consent_state" IN ('active', 'needs_consent', 'revoked')),
        CONSTRAINT "CHK_recipients_channel_relation"
          CHECK ("channel_relation" IN ('ADDED', 'BLOCKED', 'NONE', 'UNKNOWN')),
        CONSTRAINT "CHK_recipients_attributes_object" CHECK (jsonb_typeof("attributes") = 'object')
      )`);
    // Audiences are streamed in id order per channel (keyset pages).
    await queryRunner.query(
      `CREATE INDEX "IDX_recipients_channel_id" ON "recipients" ("channel_id", "id")`,
    );
    // The relation sync checks the least recently checked recipients first.
    await queryRunner.query(
      `CREATE INDEX "IDX_recipients_relation_checked"
         ON "recipients" ("channel_id", "channel_relation_checked_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_recipients_tags" ON "recipients" USING gin ("tags")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_recipients_attributes" ON "recipients" USING gin ("attributes" jsonb_path_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_recipients_nickname_trgm" ON "recipients" USING gin ("nickname" gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE "recipient_consent_changes" (
        "id" bigserial NOT NULL,
        "recipient_id" uuid NOT NULL REFERENCES "recipients"("id") ON DELETE CASCADE,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "from_state" varchar(16),
        "to_state" varchar(16) NOT NULL,
        "reason" text,
        "actor_user_id" uuid,
        "changed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_recipient_consent_changes" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_recipient_consent_changes_recipient"
         ON "recipient_consent_changes" ("recipient_id", "changed_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "recipient_relation_changes" (
        "id" bigserial NOT NULL,
        "recipient_id" uuid NOT NULL REFERENCES "recipients"("id") ON DELETE CASCADE,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "from_relation" varchar(16) NOT NULL,
        "to_relation" varchar(16) NOT NULL,
        "changed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_recipient_relation_changes" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_recipient_relation_changes_channel"
         ON "recipient_relation_changes" ("channel_id", "changed_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_recipient_relation_changes_recipient"
         ON "recipient_relation_changes" ("recipient_id", "changed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "recipient_relation_changes"`);
    await queryRunner.query(`DROP TABLE "recipient_consent_changes"`);
    await queryRunner.query(`DROP TABLE "recipients"`);
  }
}
