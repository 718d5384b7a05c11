import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateWebhooks1764000600000 implements MigrationInterface {
  name = 'CreateWebhooks1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_endpoints" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL,
        "url" varchar(2048) NOT NULL,
        "events" text[] NOT NULL,
        "secret_sealed" text NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "description" varchar(200) NOT NULL DEFAULT '',
        "created_by" uuid,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_webhook_endpoints" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_endpoints_channel" FOREIGN KEY ("channel_id")
          REFERENCES "channels"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_webhook_endpoints_events" CHECK (cardinality("events") > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_endpoints_channel" ON "webhook_endpoints" ("channel_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "endpoint_id" uuid NOT NULL,
        "channel_id" uuid NOT NULL,
        "event_type" varchar(64) NOT NULL,
        "event_id" uuid NOT NULL,
        "payload" jsonb NOT NULL,
        "state" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_status_code" integer,
        "last_error" text,
        "next_attempt_at" timestamptz,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_deliveries_endpoint" FOREIGN KEY ("endpoint_id")
          REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_webhook_deliveries_state"
          CHECK ("state" IN ('pending', 'delivered', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_endpoint" ON "webhook_deliveries" ("endpoint_id", "created_at")`,
    );
    // The sweeper's question: which pending deliveries are overdue?
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_due" ON "webhook_deliveries" ("next_attempt_at") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_attempts" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "delivery_id" uuid NOT NULL,
        "attempt_no" integer NOT NULL,
        "started_at" timestamptz NOT NULL,
        "duration_ms" integer NOT NULL,
        "status_code" integer,
        "error" text,
        "response_body" text,
        CONSTRAINT "PK_webhook_attempts" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_attempts_delivery" FOREIGN KEY ("delivery_id")
          REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_attempts_delivery" ON "webhook_attempts" ("delivery_id", "attempt_no")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
