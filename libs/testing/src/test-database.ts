import { createHash, randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { loadConfig } from '@app/config';
import {
  cloneDatabase,
  dropDatabase,
  ensureDatabase,
  isPostgresReachable,
  maintenanceUrl,
  runMigrations,
  withDatabase,
} from '@app/database';
import { ALL_MIGRATIONS } from '@app/migrations';

const TEMPLATE_PREFIX = 'kcc_tpl_';

/** The server every test talks to: DATABASE_URL's host, default 127.0.0.1:5432 as postgres. */
export function testServerUrl(): string {
  return loadConfig().database.url;
}

/**
 * Template name tied to the migrations (names and the code of their `up`), so a new or edited
 * migration yields a new template.
 */
export function templateDatabaseName(): string {
  const digest = createHash('sha1')
    .update(
      ALL_MIGRATIONS.map(
        (migration) =>
          `${migration.name}:${String(Object.getOwnPropertyDescriptor(migration.prototype, 'up')?.value)}`,
      ).join(','),
    )
    .digest('hex')
    .slice(0, 12);
  return `${TEMPLATE_PREFIX}${digest}`;
}

/** Creates and migrates the template database once; later calls are cheap no-ops. */
export async function prepareTemplateDatabase(
  serverUrl: string = testServerUrl(),
): Promise<string> {
  if (!(await isPostgresReachable(serverUrl))) {
    throw new Error(
      `Postgres does not answer at ${new URL(serverUrl).host}. Start it (e.g. ` +
        `"pg_ctlcluster --skip-systemctl-redirect <version> main start" or "docker compose up -d postgres") ` +
        'or set DATABASE_URL.',
    );
  }
  const name = templateDatabaseName();
  const templateUrl = withDatabase(serverUrl, name);
  await ensureDatabase(templateUrl);
  await runMigrations(templateUrl, ALL_MIGRATIONS);
  await dropStaleTemplates(serverUrl, name);
  return name;
}

async function dropStaleTemplates(serverUrl: string, keep: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl(serverUrl) });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2',
      [`${TEMPLATE_PREFIX}%`, keep],
    );
    for (const { datname } of rows) {
      await client
        .query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
        .catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, cloned from the template. */
export async function createTestDatabase(
  serverUrl: string = testServerUrl(),
): Promise<TestDatabase> {
  const template = await prepareTemplateDatabase(serverUrl);
  const name = `kcc_test_${randomBytes(6).toString('hex')}`;
  const url = await cloneDatabase(serverUrl, template, name);
  return { name, url, drop: () => dropDatabase(serverUrl, name) };
}
