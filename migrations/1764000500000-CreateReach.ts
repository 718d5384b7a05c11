import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Hour buckets in absolute time, whatever the session's TimeZone. */
const HOUR = (column: string) =>
  `date_bin('1 hour', ${column}, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;

const METRICS = [
  'delivered',
  'failed',
  'clicks',
  'unique_clicks',
  'follows',
  'subscribes',
  'friends_added',
  'friends_blocked',
] as const;

/**
 * Follower reach, from what the console observes itself:
 * - `reach_events`: clicks on tracking links and follows / subscriptions made on our landing page.
 * - `reach_hourly`: the rollups the dashboard reads, one row per scope (channel, campaign, blast,
 *   audience) and hour. They are never computed from the ledger at read time.
 * - `reach_deltas`: what changed, appended by triggers in the same transaction as the change (a
 *   ledger chunk, a click, a relation change), and folded into `reach_hourly` by a job. Appending
 *   keeps the send path free of contention on hot rollup rows, and the rollups always equal a full
 *   recount once folded.
 * - `reach_estimates`: sampled checks of recipients' calendars for follows made through Kakao's
 *   own button, which nothing else can observe.
 */
export class CreateReach1764000500000 implements MigrationInterface {
  name = 'CreateReach1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const metricColumns = METRICS.map((metric) => `"${metric}" bigint NOT NULL DEFAULT 0`).join(
      ',\n        ',
    );
    await queryRunner.query(`
      CREATE TABLE "reach_events" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "delivery_id" bigint NOT NULL,
        "recipient_id" uuid NOT NULL,
        "blast_id" uuid NOT NULL,
        "campaign_id" uuid,
        "audience_id" uuid,
        "kind" varchar(16) NOT NULL,
        "link" varchar(16),
        "first" boolean NOT NULL DEFAULT false,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_reach_events_kind" CHECK ("kind" IN ('click', 'follow', 'subscribe'))
      )`);
    // A delivery counts once as clicked, followed and subscribed, however often the link is used.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_reach_events_first" ON "reach_events" ("delivery_id", "kind") WHERE "first"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reach_events_channel" ON "reach_events" ("channel_id", "occurred_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "reach_hourly" (
        "scope" varchar(16) NOT NULL,
        "scope_id" uuid NOT NULL,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "hour" timestamptz NOT NULL,
        ${metricColumns},
        CONSTRAINT "PK_reach_hourly" PRIMARY KEY ("scope", "scope_id", "hour"),
        CONSTRAINT "CHK_reach_hourly_scope" CHECK ("scope" IN ('channel', 'campaign', 'blast', 'audience'))
      )`);
    // Top campaigns / audiences of a channel over a period.
    await queryRunner.query(
      `CREATE INDEX "IDX_reach_hourly_channel" ON "reach_hourly" ("channel_id", "scope", "hour")`,
    );

    await queryRunner.query(`
      CREATE TABLE "reach_deltas" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "channel_id" uuid NOT NULL,
        "campaign_id" uuid,
        "blast_id" uuid,
        "audience_id" uuid,
        "hour" timestamptz NOT NULL,
        ${metricColumns}
      )`);

    // Ledger: rows entering or leaving `sent` (by sent_at) or `failed` (by updated_at). A sent row
    // always has sent_at; should one lack it, it still counts (by updated_at) rather than fail the
    // ledger write.
    await queryRunner.query(`
      CREATE FUNCTION "reach_deltas_from_ledger"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "reach_deltas" ("channel_id", "campaign_id", "blast_id", "audience_id", "hour", "delivered", "failed")
        SELECT r."channel_id", (b."message"->>'campaignId')::uuid, b."id", b."audience_id", c."hour",
               sum(c."delivered"), sum(c."failed")
        FROM (
          SELECT "run_id", ${HOUR('COALESCE("sent_at", "updated_at")')} AS "hour", -1 AS "delivered", 0 AS "failed" FROM "old_rows" WHERE "state" = 'sent'
          UNION ALL
          SELECT "run_id", ${HOUR('"updated_at"')}, 0, -1 FROM "old_rows" WHERE "state" = 'failed'
          UNION ALL
          SELECT "run_id", ${HOUR('COALESCE("sent_at", "updated_at")')}, 1, 0 FROM "new_rows" WHERE "state" = 'sent'
          UNION ALL
          SELECT "run_id", ${HOUR('"updated_at"')}, 0, 1 FROM "new_rows" WHERE "state" = 'failed'
        ) AS c
        JOIN "blast_runs" r ON r."id" = c."run_id"
        JOIN "blasts" b ON b."id" = r."blast_id"
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(c."delivered") <> 0 OR sum(c."failed") <> 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "blast_deliveries_reach_update" AFTER UPDATE ON "blast_deliveries"
       REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "reach_deltas_from_ledger"()`,
    );

    // Clicks, and follows / subscriptions made on the landing page.
    await queryRunner.query(`
      CREATE FUNCTION "reach_deltas_from_events"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "reach_deltas" ("channel_id", "campaign_id", "blast_id", "audience_id", "hour",
                                    "clicks", "unique_clicks", "follows", "subscribes")
        SELECT "channel_id", "campaign_id", "blast_id", "audience_id", ${HOUR('"occurred_at"')},
               count(*) FILTER (WHERE "kind" = 'click'),
               count(*) FILTER (WHERE "kind" = 'click' AND "first"),
               count(*) FILTER (WHERE "kind" = 'follow' AND "first"),
               count(*) FILTER (WHERE "kind" = 'subscribe' AND "first")
        FROM "new_rows"
        GROUP BY 1, 2, 3, 4, 5;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "reach_events_deltas" AFTER INSERT ON "reach_events"
       REFERENCING NEW TABLE AS "new_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "reach_deltas_from_events"()`,
    );

    // Channel friends gained and lost, from the relation sync's change log.
    await queryRunner.query(`
      CREATE FUNCTION "reach_deltas_from_relations"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "reach_deltas" ("channel_id", "hour", "friends_added", "friends_blocked")
        SELECT "channel_id", ${HOUR('"changed_at"')},
               count(*) FILTER (WHERE "to_relation" = 'ADDED'),
               count(*) FILTER (WHERE "to_relation" = 'BLOCKED')
        FROM "new_rows"
        WHERE "to_relation" IN ('ADDED', 'BLOCKED')
        GROUP BY 1, 2;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "recipient_relation_changes_reach" AFTER INSERT ON "recipient_relation_changes"
       REFERENCING NEW TABLE AS "new_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "reach_deltas_from_relations"()`,
    );

    await queryRunner.query(`
      CREATE TABLE "reach_estimates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "channel_id" uuid NOT NULL REFERENCES "channels"("id") ON DELETE CASCADE,
        "campaign_id" uuid NOT NULL REFERENCES "campaigns"("id") ON DELETE CASCADE,
        "kind" varchar(16) NOT NULL,
        "state" varchar(16) NOT NULL DEFAULT 'queued',
        "quota_budget" integer NOT NULL CHECK ("quota_budget" > 0),
        "population" integer,
        "sample_size" integer,
        "checked" integer NOT NULL DEFAULT 0,
        "hits" integer NOT NULL DEFAULT 0,
        "unreachable" integer NOT NULL DEFAULT 0,
        "rate" double precision,
        "ci_low" double precision,
        "ci_high" double precision,
        "error" text,
        "requested_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        CONSTRAINT "CHK_reach_estimates_kind" CHECK ("kind" IN ('follow', 'subscribe')),
        CONSTRAINT "CHK_reach_estimates_state" CHECK ("state" IN ('queued', 'running', 'done', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_reach_estimates_campaign" ON "reach_estimates" ("campaign_id", "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reach_estimates"`);
    await queryRunner.query(
      `DROP TRIGGER "recipient_relation_changes_reach" ON "recipient_relation_changes"`,
    );
    await queryRunner.query(`DROP TRIGGER "blast_deliveries_reach_update" ON "blast_deliveries"`);
    await queryRunner.query(`DROP TABLE "reach_events"`);
    await queryRunner.query(`DROP FUNCTION "reach_deltas_from_relations"()`);
    await queryRunner.query(`DROP FUNCTION "reach_deltas_from_events"()`);
    await queryRunner.query(`DROP FUNCTION "reach_deltas_from_ledger"()`);
    await queryRunner.query(`DROP TABLE "reach_deltas"`);
    await queryRunner.query(`DROP TABLE "reach_hourly"`);
  }
}
