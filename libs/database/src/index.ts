export { AfterCommit } from './after-commit';
export { buildDataSourceOptions } from './data-source-options';
export type { DataSourceOptionsInput } from './data-source-options';
export { DatabaseHealthService, timeCheck } from './database-health.service';
export type { DependencyHealth } from './database-health.service';
export { DatabaseModule } from './database.module';
export { revertLastMigration, runMigrations } from './migration-runner';
export { schemaProblem } from './migration-status';
export type { MigrationResult } from './migration-runner';
export {
  cloneDatabase,
  databaseName,
  dropDatabase,
  ensureDatabase,
  isPostgresReachable,
  maintenanceUrl,
  withDatabase,
} from './postgres-admin';
export { TransactionRunner } from './transaction-runner';
