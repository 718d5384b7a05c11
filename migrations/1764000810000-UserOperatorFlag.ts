import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Instance operators: the people who run this console for every channel (the queue board shows
 * and controls every channel's jobs). Outside the channel roles on purpose: being an admin of one
 * channel says nothing about the others. Nobody is an operator until the seed or an operator says so.
 */
export class UserOperatorFlag1764000810000 implements MigrationInterface {
  name = 'UserOperatorFlag1764000810000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD COLUMN "is_operator" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "is_operator"`);
  }
}
