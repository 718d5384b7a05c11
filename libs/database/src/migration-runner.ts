import { DataSource, type MigrationInterface } from 'typeorm';

import { buildDataSourceOptions } from './data-source-options';

type MigrationClass = new () => MigrationInterface;

// Any constant works; it only has to be the same in every process that migrates.
export const MIGRATION_LOCK_KEY = 7_412_011;

export interface MigrationResult {
  applied: string[];
}

/**
 * Runs pending migrations under a Postgres advisory lock, so the start script, several API
 * processes and parallel test setups can all call it at once.
 */
export async function runMigrations(
  url: string,
  migrations: MigrationClass[],
): Promise<MigrationResult> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ url, migrations, applicationName: 'kakao-console-migrate' }),
    extra: { max: 1 },
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return { applied: applied.map((migration) => migration.name) };
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(
  url: string,
  migrations: MigrationClass[],
): Promise<void> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ url, migrations, applicationName: 'kakao-console-migrate' }),
    extra: { max: 1 },
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}
