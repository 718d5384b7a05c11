import { Logger as NestLogger } from '@nestjs/common';

import type { DataSourceOptions, Logger, MigrationInterface } from 'typeorm';

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

type LogSink = Pick<NestLogger, 'error' | 'warn'>;

const STATEMENT_MAX_CHARS = 500;

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * TypeORM's logger without parameters: a failed query logs its SQLSTATE code, the message and the
 * statement (placeholders only), never the values bound to it, which can be password hashes,
 * sealed tokens or whatever a client sent. Quoted parts of the message are left out too:
 * Postgres quotes the offending input there (`invalid input syntax for type uuid: "…"`).
 */
export class ParameterFreeQueryLogger implements Logger {
  constructor(private readonly sink: LogSink = new NestLogger('Database')) {}

  logQuery(_query: string, _parameters?: unknown): void {
    // Successful queries are not logged.
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    const message = typeof error === 'string' ? error : error.message;
    this.sink.error(
      `Query failed${typeof code === 'string' ? ` (${code})` : ''}: ` +
        `${oneLine(message, 300).replace(/"[^"]*"/g, '"…"')} — ${oneLine(query, STATEMENT_MAX_CHARS)}`,
    );
  }

  logQuerySlow(time: number, query: string, _parameters?: unknown): void {
    this.sink.warn(`Query took ${time} ms: ${oneLine(query, STATEMENT_MAX_CHARS)}`);
  }

  logSchemaBuild(): void {
    // Schema sync is off; migrations report through the migration runner.
  }

  logMigration(): void {
    // The migration runner reports what it applied.
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') {
      this.sink.warn(String(message));
    }
  }
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
    logger: new ParameterFreeQueryLogger(),
    applicationName: input.applicationName ?? 'kakao-console',
    extra: { max: input.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  };
}
