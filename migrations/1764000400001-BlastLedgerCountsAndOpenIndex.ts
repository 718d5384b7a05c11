import { type MigrationInterface, type QueryRunner } from 'typeorm';

const COUNTER_SHARDS = 16;

/**
 * The ledger at send speed (bench/blast.ts):
 * - Progress counts per state are kept in `blast_run_counts` by statement-level triggers with
 *   transition tables, so a progress poll reads a handful of rows instead of counting a
 *   million-row run, and the counts can never drift from the ledger (same transaction).
 * - `(run_id, state)` goes: on a freshly filled ledger (no statistics yet) the planner chose it for
 *   the per-chunk claim by primary key and scanned every pending row of the run. Open rows get a
 *   small partial index instead, which claims (by run and batch), batch lookups, "is the run done"
 *   and cancel use whatever the statistics say.
 * - Recipients leave room on each page so that raising `last_delivered_at` after a send is a HOT
 *   update (no new entries in any of the recipients' indexes).
 */
export class BlastLedgerCountsAndOpenIndex1764000400001 implements MigrationInterface {
  name = 'BlastLedgerCountsAndOpenIndex1764000400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_blast_deliveries_state"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_blast_deliveries_open" ON "blast_deliveries" ("run_id", "batch_no")
       WHERE "state" IN ('pending', 'sending')`,
    );
    await queryRunner.query(`
      CREATE TABLE "blast_run_counts" (
        "run_id" uuid NOT NULL REFERENCES "blast_runs"("id") ON DELETE CASCADE,
        "shard" smallint NOT NULL,
        "state" varchar(16) NOT NULL,
        "count" bigint NOT NULL,
        CONSTRAINT "PK_blast_run_counts" PRIMARY KEY ("run_id", "shard", "state")
      )`);
    await queryRunner.query(
      `INSERT INTO "blast_run_counts" ("run_id", "shard", "state", "count")
       SELECT "run_id", "batch_no" % ${COUNTER_SHARDS}, "state", count(*) FROM "blast_deliveries"
       GROUP BY 1, 2, 3`,
    );
    // Counters are sharded by batch so that concurrent batches do not queue on one counter row's
    // lock, and upserted in key order so that concurrent statements cannot deadlock.
    await queryRunner.query(`
      CREATE FUNCTION "blast_run_counts_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "blast_run_counts" ("run_id", "shard", "state", "count")
        SELECT "run_id", "batch_no" % ${COUNTER_SHARDS}, "state", count(*) FROM "new_rows"
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT ("run_id", "shard", "state")
        DO UPDATE SET "count" = "blast_run_counts"."count" + EXCLUDED."count";
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "blast_run_counts_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "blast_run_counts" ("run_id", "shard", "state", "count")
        SELECT "run_id", "batch_no" % ${COUNTER_SHARDS}, "state", sum("delta") FROM (
          SELECT "run_id", "batch_no", "state", -1 AS "delta" FROM "old_rows"
          UNION ALL
          SELECT "run_id", "batch_no", "state", 1 AS "delta" FROM "new_rows"
        ) AS "changes"
        GROUP BY 1, 2, 3 HAVING sum("delta") <> 0 ORDER BY 1, 2, 3
        ON CONFLICT ("run_id", "shard", "state")
        DO UPDATE SET "count" = "blast_run_counts"."count" + EXCLUDED."count";
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "blast_deliveries_count_insert" AFTER INSERT ON "blast_deliveries"
       REFERENCING NEW TABLE AS "new_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "blast_run_counts_on_insert"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "blast_deliveries_count_update" AFTER UPDATE ON "blast_deliveries"
       REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
       FOR EACH STATEMENT EXECUTE FUNCTION "blast_run_counts_on_update"()`,
    );
    await queryRunner.query(`ALTER TABLE "recipients" SET (fillfactor = 85)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recipients" RESET (fillfactor)`);
    await queryRunner.query(`DROP TRIGGER "blast_deliveries_count_update" ON "blast_deliveries"`);
    await queryRunner.query(`DROP TRIGGER "blast_deliveries_count_insert" ON "blast_deliveries"`);
    await queryRunner.query(`DROP FUNCTION "blast_run_counts_on_update"()`);
    await queryRunner.query(`DROP FUNCTION "blast_run_counts_on_insert"()`);
    await queryRunner.query(`DROP TABLE "blast_run_counts"`);
    await queryRunner.query(`DROP INDEX "IDX_blast_deliveries_open"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_blast_deliveries_state" ON "blast_deliveries" ("run_id", "state")`,
    );
  }
}
