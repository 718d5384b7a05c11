import { getConfig } from '@app/config';
import { ensureDatabase, revertLastMigration, runMigrations } from '@app/database';
import { ALL_MIGRATIONS } from '@app/migrations';

/** `node dist/scripts/lib/migrate.js run|revert` — creates the database when missing. */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'run';
  const config = getConfig();
  if (await ensureDatabase(config.database.url)) {
    console.log(`Created database ${config.database.name}`);
  }
  if (command === 'revert') {
    await revertLastMigration(config.database.url, ALL_MIGRATIONS);
    console.log('Reverted the last migration');
    return;
  }
  if (command !== 'run') {
    throw new Error(`Unknown command "${command}" (use run or revert)`);
  }
  const { applied } = await runMigrations(config.database.url, ALL_MIGRATIONS);
  console.log(
    applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
