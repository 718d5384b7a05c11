import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Which processing of an import owns it: a job taken over after a stall starts a new attempt, and
 * the earlier one (still running on a busy worker) can then no longer write, fail or finish it.
 */
export class RecipientImportAttempt1764000820000 implements MigrationInterface {
  name = 'RecipientImportAttempt1764000820000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "recipient_imports" ADD COLUMN "attempt" integer NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recipient_imports" DROP COLUMN "attempt"`);
  }
}
