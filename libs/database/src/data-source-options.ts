import type { DataSourceOptions, MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

export interface DataSourceOptionsInput {
  url: string;
  // Entities are passed as classes so the same list works under SWC builds and Jest alike.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  migrations?: MigrationClass[];
  applicationName?: string;
  poolSize?: number;
}

/** The one place that turns configuration into TypeORM options (apps, CLI, tests). */
export function buildDataSourceOptions(input: DataSourceOptionsInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities ?? [],
    migrations: input.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn'],
    applicationName: input.applicationName ?? 'kakao-console',
    extra: { max: input.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  };
}
