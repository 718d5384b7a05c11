import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Console users, their role per channel, and login sessions (token hashes only). */
export class CreateAccounts1764000100000 implements MigrationInterface {
  name = 'CreateAccounts1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "channel_role" AS ENUM ('marketer', 'manager', 'scheduler', 'admin')`,
    );
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "display_name" varchar(100) NOT NULL,
        "password_hash" text NOT NULL,
        "disabled" boolean NOT NULL DEFAULT false,
        "version" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_users" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_users_email" UNIQUE ("email"),
        CONSTRAINT "CHK_users_email_lower_case" CHECK ("email" = lower("email"))
      )`);
    await queryRunner.query(`
      CREATE TABLE "channel_memberships" (
        "user_id" uuid NOT NULL,
        "channel_id" uuid NOT NULL,
        "role" "channel_role" NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_channel_memberships" PRIMARY KEY ("user_id", "channel_id"),
        CONSTRAINT "FK_channel_memberships_user_id" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_channel_memberships_channel_id" FOREIGN KEY ("channel_id")
          REFERENCES "channels" ("id") ON DELETE CASCADE
      )`);
    // The primary key serves "channels of a user"; this one serves "users of a channel".
    await queryRunner.query(
      `CREATE INDEX "IDX_channel_memberships_channel_id" ON "channel_memberships" ("channel_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" char(64) NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "ip" inet,
        "user_agent" varchar(512),
        CONSTRAINT "PK_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_sessions_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "FK_sessions_user_id" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_user_id" ON "sessions" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "channel_memberships"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "channel_role"`);
  }
}
