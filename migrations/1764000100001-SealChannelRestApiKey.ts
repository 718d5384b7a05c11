import { type MigrationInterface, type QueryRunner } from 'typeorm';

import { SecretBox } from '@app/common';
import { getConfig } from '@app/config';

/**
 * The REST API key joins the admin key and client secret as a sealed, write-only secret.
 * Existing keys are sealed in place with SECRETS_KEY, so this must run with the apps' key.
 */
export class SealChannelRestApiKey1764000100001 implements MigrationInterface {
  name = 'SealChannelRestApiKey1764000100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const box = new SecretBox(getConfig().secretsKey);
    await queryRunner.query(`ALTER TABLE "channels" ADD "rest_api_key_sealed" text`);
    const rows = (await queryRunner.query(
      `SELECT "id", "rest_api_key" FROM "channels" WHERE "rest_api_key" IS NOT NULL`,
    )) as { id: string; rest_api_key: string }[];
    for (const row of rows) {
      await queryRunner.query(`UPDATE "channels" SET "rest_api_key_sealed" = $1 WHERE "id" = $2`, [
        box.encrypt(row.rest_api_key),
        row.id,
      ]);
    }
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "rest_api_key"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const box = new SecretBox(getConfig().secretsKey);
    await queryRunner.query(`ALTER TABLE "channels" ADD "rest_api_key" varchar(128)`);
    const rows = (await queryRunner.query(
      `SELECT "id", "rest_api_key_sealed" FROM "channels" WHERE "rest_api_key_sealed" IS NOT NULL`,
    )) as { id: string; rest_api_key_sealed: string }[];
    for (const row of rows) {
      await queryRunner.query(`UPDATE "channels" SET "rest_api_key" = $1 WHERE "id" = $2`, [
        box.decrypt(row.rest_api_key_sealed),
        row.id,
      ]);
    }
    await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "rest_api_key_sealed"`);
  }
}
