import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The append-only audit trail. Every index leads with channel_id because every read is one
 * channel's log; a trigger makes UPDATE, DELETE and TRUNCATE fail for every role but a superuser
 * who drops the trigger on purpose.
 */
export class CreateAuditLog1764000100002 implements MigrationInterface {
  name = 'CreateAuditLog1764000100002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_user_id" uuid,
        "actor_email" varchar(254),
        "channel_id" uuid,
        "ip" inet,
        "action" varchar(64) NOT NULL,
        "entity_type" varchar(64) NOT NULL,
        "entity_id" varchar(128) NOT NULL,
        "before" jsonb,
        "after" jsonb,
        CONSTRAINT "PK_audit_log" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_channel_at" ON "audit_log" ("channel_id", "at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_channel_entity" ON "audit_log" ("channel_id", "entity_type", "entity_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_channel_actor" ON "audit_log" ("channel_id", "actor_user_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_channel_action" ON "audit_log" ("channel_id", "action", "at")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "audit_log_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
        FOR EACH ROW EXECUTE FUNCTION "audit_log_reject_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
        FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_reject_change"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_reject_change"()`);
  }
}
