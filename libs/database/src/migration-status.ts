import { type DataSource } from 'typeorm';

import { MIGRATION_LOCK_KEY } from './migration-runner';

/**
 * Whether the schema is ready for this code: no process holds the migration lock and every
 * migration the code ships is recorded. Readiness probes answer not ready otherwise.
 */
export async function schemaProblem(
  dataSource: DataSource,
  expected: readonly string[],
): Promise<string | undefined> {
  const [lock]: { held: boolean }[] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND ((classid::bigint << 32) | objid::bigint) = $1) AS held`,
    [MIGRATION_LOCK_KEY],
  );
  if (lock?.held) {
    return 'migrations are running';
  }
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM migrations`);
  const applied = new Set(rows.map((row) => row.name));
  const pending = expected.filter((name) => !applied.has(name));
  return pending.length > 0 ? `${pending.length} migrations pending` : undefined;
}
