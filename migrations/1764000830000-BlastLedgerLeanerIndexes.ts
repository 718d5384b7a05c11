import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Every ledger write is an insert and two state updates per delivery, none of them HOT, so each
 * index costs three entries per delivery. (run_id, batch_no, state) only repeats what the partial
 * index of open rows and the (run_id, recipient_id) key already answer: every query by batch asks
 * for open rows, and listing a run goes by the key's run_id prefix.
 */
export class BlastLedgerLeanerIndexes1764000830000 implements MigrationInterface {
  name = 'BlastLedgerLeanerIndexes1764000830000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_blast_deliveries_batch"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_blast_deliveries_batch" ON "blast_deliveries" ("run_id", "batch_no", "state")`,
    );
  }
}
