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
/** The comment a template gets when created: this text, then the time. */
const TEMPLATE_NOTE = 'kcc test template, created ';

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
  if (await ensureDatabase(templateUrl)) {
    await withMaintenance(serverUrl, (client) =>
      client.query(
        `COMMENT ON DATABASE "${name}" IS '${TEMPLATE_NOTE}${new Date().toISOString()}'`,
      ),
    );
  }
  await runMigrations(templateUrl, ALL_MIGRATIONS);
  await dropStaleTemplates(serverUrl, name);
  return name;
}

async function withMaintenance<T>(serverUrl: string, work: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: maintenanceUrl(serverUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops templates of other migration sets once they are old: a test run of another checkout
 * (another branch, an older commit) may still be cloning its own template on this server.
 */
async function dropStaleTemplates(serverUrl: string, keep: string): Promise<void> {
  await withMaintenance(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database
       WHERE datname LIKE $1 AND datname <> $2
         AND coalesce(substring(shobj_description(oid, 'pg_database') FROM $3)::timestamptz, 'epoch')
             < now() - interval '6 hours'`,
      [`${TEMPLATE_PREFIX}%`, keep, `^${TEMPLATE_NOTE}(.*)$`],
    );
    for (const { datname } of rows) {
      await client
        .query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
        .catch(() => undefined);
    }
  });
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
