// What Postgres did for a benchmark window, read from the run's own database: CPU of its
// backends (from /proc), rows written per table, commits and, where pg_stat_statements is
// loaded, statements.
import { setTimeout as sleep } from 'node:timers/promises';

import { procStat } from './proc';

import type { Client, QueryResultRow } from 'pg';

/** Marks the benchmark's own statements, so that pg_stat_statements tells them apart. */
const MARK = '/* bench */';

/**
 * A read of the benchmark's own, in a transaction it rolls back: it then adds nothing to the
 * database's commit count, which stays the system's.
 */
export async function benchRead<R extends QueryResultRow>(
  db: Client,
  text: string,
  values?: unknown[],
): Promise<R[]> {
  // The mark goes last: for BEGIN/ROLLBACK pg_stat_statements keys on the text from the first token.
  await db.query(`BEGIN ${MARK}`);
  try {
    return (await db.query<R>(`${text} ${MARK}`, values)).rows;
  } finally {
    await db.query(`ROLLBACK ${MARK}`);
  }
}

/**
 * Sums the CPU of every backend connected to the database over a window. Backends alive when it
 * starts count from their CPU then; any seen later was born inside the window and counts from
 * zero. A backend that exits keeps the CPU last read for it, so sample often.
 */
export class BackendCpuMeter {
  private readonly tracked = new Map<
    number,
    { baseline: number; last: number; started: number; type: string }
  >();

  /** `exclude`: the benchmark's own connections, whose queries are measurement, not work. */
  constructor(
    private readonly db: Client,
    private readonly exclude: number[],
  ) {}

  async start(): Promise<void> {
    for (const backend of await this.backends()) {
      const stat = procStat(backend.pid);
      if (stat) {
        this.tracked.set(backend.pid, {
          ...stat,
          baseline: stat.cpuMs,
          last: stat.cpuMs,
          ...backend,
        });
      }
    }
  }

  async sample(): Promise<void> {
    for (const backend of await this.backends()) {
      if (!this.tracked.has(backend.pid)) {
        const stat = procStat(backend.pid);
        if (stat) {
          this.tracked.set(backend.pid, {
            baseline: 0,
            last: stat.cpuMs,
            started: stat.started,
            ...backend,
          });
        }
      }
    }
    for (const [pid, entry] of this.tracked) {
      const stat = procStat(pid);
      // A pid reused by another process after its backend exited is not ours.
      if (stat && stat.started === entry.started) {
        entry.last = stat.cpuMs;
      }
    }
  }

  /** CPU ms per backend type (client backend, autovacuum worker, ...) since `start`. */
  result(): { backends: number; cpuMs: number; byType: Map<string, number> } {
    const byType = new Map<string, number>();
    let cpuMs = 0;
    for (const entry of this.tracked.values()) {
      const used = entry.last - entry.baseline;
      cpuMs += used;
      byType.set(entry.type, (byType.get(entry.type) ?? 0) + used);
    }
    return { backends: this.tracked.size, cpuMs, byType };
  }

  private async backends(): Promise<{ pid: number; type: string }[]> {
    return benchRead<{ pid: number; type: string }>(
      this.db,
      `SELECT pid, coalesce(backend_type, '?') AS type FROM pg_stat_activity
       WHERE datname = current_database() AND NOT (pid = ANY($1::int[]))`,
      [this.exclude],
    );
  }
}

export interface TableWrites {
  inserted: number;
  updated: number;
  hotUpdated: number;
}

/** Cumulative counters of the database at one moment. */
export interface DbCounters {
  commits: number;
  tables: Map<string, TableWrites>;
  /** Calls per statement (pg_stat_statements), when it is loaded. */
  statements: Map<string, { query: string; calls: number }> | null;
}

/**
 * Whether pg_stat_statements can be read: creating the extension works on any server, but the
 * view answers only when the library is in shared_preload_libraries. Null when it works, else why.
 */
export async function statementsUnavailable(db: Client): Promise<string | null> {
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await db.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function readCounters(db: Client, withStatements: boolean): Promise<DbCounters> {
  const [commits] = await benchRead<{ xact_commit: string }>(
    db,
    `SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`,
  );
  const tables = await benchRead<{ relname: string; ins: string; upd: string; hot: string }>(
    db,
    `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables`,
  );
  return {
    commits: Number(commits.xact_commit),
    tables: new Map(
      tables.map((row) => [
        row.relname,
        { inserted: Number(row.ins), updated: Number(row.upd), hotUpdated: Number(row.hot) },
      ]),
    ),
    statements: withStatements ? await readStatements(db) : null,
  };
}

async function readStatements(db: Client): Promise<DbCounters['statements']> {
  const rows = await benchRead<{ id: string; query: string; calls: string }>(
    db,
    `SELECT s.queryid::text AS id, s.query, s.calls FROM pg_stat_statements s
     JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND s.query NOT LIKE $1`,
    [`%${MARK}%`],
  );
  return new Map(rows.map((row) => [row.id, { query: row.query, calls: Number(row.calls) }]));
}

/**
 * A backend reports its statistics at most once a second, and one that goes idle within a second
 * of its last report waits PGSTAT_IDLE_INTERVAL (10 s) before the next: the last writes of a
 * window show up that long after it.
 */
const IDLE_REPORT_MS = 11_000;

/**
 * Counters once every backend has reported: after the idle report interval, and once the row
 * counters hold still for a second (at most ~15 s more).
 */
export async function settledCounters(db: Client, withStatements: boolean): Promise<DbCounters> {
  await sleep(IDLE_REPORT_MS);
  let previous = await readCounters(db, withStatements);
  for (let tries = 0; tries < 15; tries += 1) {
    await sleep(1_000);
    const next = await readCounters(db, withStatements);
    if (totalWrites(next) === totalWrites(previous)) {
      return next;
    }
    previous = next;
  }
  return previous;
}

function totalWrites(counters: DbCounters): number {
  let sum = 0;
  for (const table of counters.tables.values()) {
    sum += table.inserted + table.updated;
  }
  return sum;
}

/** Indexes per table: each insert and each non-HOT update writes one entry into every one. */
export async function indexCounts(db: Client): Promise<Map<string, number>> {
  const { rows } = await db.query<{ tablename: string; count: string }>(
    `SELECT tablename, count(*) FROM pg_indexes WHERE schemaname = current_schema() GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.tablename, Number(row.count)]));
}

export interface TableWork extends TableWrites {
  table: string;
  indexes: number;
  /** Inserts and non-HOT updates times the table's indexes (partial indexes counted as full). */
  indexEntries: number;
}

/** Writes per table between two readings, busiest first, with the estimated index entries. */
export function tableWork(
  before: DbCounters,
  after: DbCounters,
  indexes: Map<string, number>,
): TableWork[] {
  const work: TableWork[] = [];
  for (const [table, end] of after.tables) {
    const start = before.tables.get(table) ?? { inserted: 0, updated: 0, hotUpdated: 0 };
    const inserted = end.inserted - start.inserted;
    const updated = end.updated - start.updated;
    const hotUpdated = end.hotUpdated - start.hotUpdated;
    const count = indexes.get(table) ?? 0;
    if (inserted + updated > 0) {
      work.push({
        table,
        inserted,
        updated,
        hotUpdated,
        indexes: count,
        indexEntries: (inserted + updated - hotUpdated) * count,
      });
    }
  }
  return work.sort((a, b) => b.inserted + b.updated - (a.inserted + a.updated));
}

export interface StatementWork {
  total: number;
  /** The most called statements. */
  top: { query: string; calls: number }[];
}

/** Statement calls between two readings, most called first; null without pg_stat_statements. */
export function statementWork(before: DbCounters, after: DbCounters): StatementWork | null {
  if (!before.statements || !after.statements) {
    return null;
  }
  const top: { query: string; calls: number }[] = [];
  let total = 0;
  for (const [id, end] of after.statements) {
    const calls = end.calls - (before.statements.get(id)?.calls ?? 0);
    if (calls > 0) {
      total += calls;
      top.push({ query: end.query, calls });
    }
  }
  top.sort((a, b) => b.calls - a.calls);
  return { total, top: top.slice(0, 8) };
}
