import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateChannels1764000000000 implements MigrationInterface {
  name = 'CreateChannels1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "channels" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(100) NOT NULL,
        "channel_public_id" varchar(64) NOT NULL,
        "kakao_app_id" varchar(64),
        "rest_api_key" varchar(128),
        "admin_key_sealed" text,
        "client_secret_sealed" text,
        "time_zone" varchar(64) NOT NULL DEFAULT 'Asia/Seoul',
        "approval_required" boolean NOT NULL DEFAULT true,
        "quiet_hours_start" varchar(5) NOT NULL DEFAULT '21:00',
        "quiet_hours_end" varchar(5) NOT NULL DEFAULT '08:00',
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_channels" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_channels_channel_public_id" UNIQUE ("channel_public_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "channels"`);
  }
}
