// What the blast benchmark measured, and how it prints it: Markdown tables, per delivery where
// the figure is a cost.
import { type StatementWork, type TableWork } from './pg-work';
import { fixed, printTable, quantile } from './table';

export interface EndToEnd {
  sent: number;
  seconds: number;
  /** CPU ms over the blast per process; `postgres` is the sum over the run database's backends. */
  cpu: { worker: number; api: number; sandbox: number; postgres: number };
  backends: number;
  postgresByType: Map<string, number>;
  commits: number;
  tables: TableWork[];
  statements: StatementWork | null;
  statementsWhy: string | null;
  sending: number[];
}

export interface Ceiling {
  callsPerSecond: number;
  clientCpuPerCall: number;
  sandboxCpuPerCall: number;
}

export interface Limiter {
  target: number;
  /** The run sent its whole audience inside the window: the rate is a floor, not the limiter's. */
  exhausted: boolean;
  measured: number;
  errorPct: number;
}

export interface KillRecovery {
  recipients: number;
  kills: { sentAtKill: number; recoverySeconds: number }[];
  counts: Map<string, number>;
  inbox: InboxCheck;
}

export interface InboxCheck {
  /** Recipients holding the message more than once, and the extra copies. */
  duplicated: number;
  extraCopies: number;
  /** `sent` in the ledger but not in the inbox. */
  sentMissing: number;
  /** `unknown` in the ledger, and whether Kakao had in fact delivered them. */
  unknownDelivered: number;
  unknownMissing: number;
}

export interface FanOut {
  rows: number;
  seconds: number;
  seedSeconds: number;
  peakRssMb: number;
  rssBeforeMb: number;
  /** Whether the peak is the fan-out's alone (VmHWM reset before it) or the worker's lifetime's. */
  peakIsFanOut: boolean;
}

export interface Report {
  recipients: number;
  seedSeconds: number;
  /** How often rows `sending` were sampled, in ms. */
  sampleMs: number;
  limiterSeconds: number;
  e2e?: EndToEnd;
  ceiling?: Ceiling;
  limiter?: Limiter[];
  kill?: KillRecovery;
  fanout?: FanOut;
}

export function printReport(report: Report): void {
  console.log(`recipients seeded: ${report.recipients} in ${report.seedSeconds.toFixed(1)} s`);
  printThroughput(report);
  if (report.e2e) {
    printCpu(report.e2e, report.ceiling);
    printDbWork(report.e2e, report.sampleMs);
  }
  if (report.kill) {
    printKills(report.kill);
  }
  if (report.fanout) {
    printFanOut(report.fanout);
  }
  if (report.limiter) {
    printTable(
      `Limiter (sent rate over ${report.limiterSeconds} s, after fan-out)`,
      ['target', 'measured', 'error'],
      report.limiter.map((row) => [
        `${row.target}/s`,
        `${row.measured}/s`,
        `${row.errorPct >= 0 ? '+' : ''}${row.errorPct} %${row.exhausted ? ' (audience ran out inside the window)' : ''}`,
      ]),
    );
  }
}

function printThroughput({ e2e, ceiling, recipients }: Report): void {
  const rows: string[][] = [];
  const e2eRate = e2e ? e2e.sent / e2e.seconds : NaN;
  if (e2e) {
    rows.push([
      `end to end, ${recipients} recipients, no rate limit`,
      `${Math.round(e2eRate)} deliveries/s (${e2e.sent} sent in ${e2e.seconds.toFixed(1)} s)`,
    ]);
  }
  if (ceiling) {
    rows.push([
      'raw ceiling: bare send-to-me loop, 64 in flight',
      `${Math.round(ceiling.callsPerSecond)} calls/s`,
    ]);
  }
  if (e2e && ceiling) {
    rows.push(['end to end ÷ ceiling', `${fixed((e2eRate / ceiling.callsPerSecond) * 100, 0)} %`]);
  }
  if (rows.length > 0) {
    printTable('Throughput', ['measure', 'value'], rows);
  }
}

function printCpu(e2e: EndToEnd, ceiling: Ceiling | undefined): void {
  const per = (ms: number) => fixed(ms / e2e.sent, 3);
  const total = e2e.cpu.worker + e2e.cpu.api + e2e.cpu.sandbox + e2e.cpu.postgres;
  const pgTypes = [...e2e.postgresByType]
    .filter(([, ms]) => ms > 0)
    .map(([type, ms]) => `${type} ${per(ms)}`)
    .join(', ');
  const rows = [
    ['worker', fixed(e2e.cpu.worker, 0), per(e2e.cpu.worker)],
    ['API', fixed(e2e.cpu.api, 0), per(e2e.cpu.api)],
    ['sandbox', fixed(e2e.cpu.sandbox, 0), per(e2e.cpu.sandbox)],
    [
      `Postgres: ${e2e.backends} backends of the run's database (${pgTypes || 'none busy'})`,
      fixed(e2e.cpu.postgres, 0),
      per(e2e.cpu.postgres),
    ],
    ['total', fixed(total, 0), per(total)],
  ];
  if (ceiling) {
    rows.push(
      ['bare client, ceiling loop (per call)', '', fixed(ceiling.clientCpuPerCall, 3)],
      ['sandbox, ceiling loop (per call)', '', fixed(ceiling.sandboxCpuPerCall, 3)],
      [
        'worker ÷ bare client (aim ≤ 1.5)',
        '',
        fixed(e2e.cpu.worker / e2e.sent / ceiling.clientCpuPerCall, 2),
      ],
    );
  }
  printTable(
    `CPU over the end-to-end blast, fan-out included (${e2e.sent} deliveries)`,
    ['process', 'CPU ms', 'ms per delivery'],
    rows,
  );
}

function printDbWork(e2e: EndToEnd, sampleMs: number): void {
  const per = (n: number) => fixed(n / e2e.sent, 3);
  const named = ['blast_deliveries', 'recipients', 'blast_run_counts'];
  const others = e2e.tables.filter((t) => !named.includes(t.table));
  const sum = (tables: TableWork[]): TableWork => ({
    table: '',
    inserted: tables.reduce((n, t) => n + t.inserted, 0),
    updated: tables.reduce((n, t) => n + t.updated, 0),
    hotUpdated: tables.reduce((n, t) => n + t.hotUpdated, 0),
    indexes: NaN,
    indexEntries: tables.reduce((n, t) => n + t.indexEntries, 0),
  });
  const row = (name: string, t: TableWork) => [
    name,
    per(t.inserted),
    per(t.updated),
    t.updated > 0 ? `${fixed((t.hotUpdated / t.updated) * 100, 0)} %` : '-',
    Number.isFinite(t.indexes) ? String(t.indexes) : '',
    per(t.indexEntries),
  ];
  const rows = named.map((name) =>
    row(name, e2e.tables.find((t) => t.table === name) ?? { ...sum([]), indexes: 0 }),
  );
  rows.push(row(`other tables (${others.map((t) => t.table).join(', ') || 'none'})`, sum(others)));
  rows.push(row('all tables', sum(e2e.tables)));
  printTable(
    `Database work per delivery (commits: ${per(e2e.commits)} per delivery)`,
    ['table', 'rows inserted', 'rows updated', 'HOT updated', 'indexes', 'est. index entries'],
    rows,
  );
  if (e2e.statements) {
    printTable(
      `Statements per delivery: ${per(e2e.statements.total)} (pg_stat_statements, top level), most called`,
      ['statement', 'per delivery'],
      e2e.statements.top.map((s) => [s.query.replace(/\s+/g, ' ').slice(0, 100), per(s.calls)]),
    );
  } else {
    console.log(`\nStatements per delivery: not available (${e2e.statementsWhy})`);
  }
  printTable(
    `Rows 'sending', sampled every ${sampleMs} ms (${e2e.sending.length} samples)`,
    ['max', 'p50', 'p95'],
    [
      [
        String(Math.max(0, ...e2e.sending)),
        fixed(quantile(e2e.sending, 0.5), 0),
        fixed(quantile(e2e.sending, 0.95), 0),
      ],
    ],
  );
}

function printKills(kill: KillRecovery): void {
  const unknown = kill.counts.get('unknown') ?? 0;
  printTable(
    `Worker kill -9 and restart, ${kill.recipients} recipients, no rate limit`,
    ['kill', 'sent at kill', 'seconds to next send'],
    kill.kills.map((k, i) => [
      String(i + 1),
      `${k.sentAtKill} (${fixed((k.sentAtKill / kill.recipients) * 100, 0)} %)`,
      fixed(k.recoverySeconds, 1),
    ]),
  );
  const states = [...kill.counts]
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  printTable(
    'After the kills',
    ['measure', 'value'],
    [
      ['ledger', states],
      ['unknown (aim ≤ 1 %)', `${unknown} (${fixed((unknown / kill.recipients) * 100, 2)} %)`],
      [
        '  of which Kakao delivered / did not',
        `${kill.inbox.unknownDelivered} / ${kill.inbox.unknownMissing}`,
      ],
      [
        'duplicates (inboxes holding it twice or more)',
        `${kill.inbox.duplicated} recipients, ${kill.inbox.extraCopies} extra copies`,
      ],
      ['sent in the ledger but not in the inbox', String(kill.inbox.sentMissing)],
    ],
  );
}

function printFanOut(fanout: FanOut): void {
  printTable(
    'Fan-out',
    ['measure', 'value'],
    [
      [
        `fan-out of ${fanout.rows} recipients into the ledger (aim < 10 s)`,
        `${fanout.seconds.toFixed(1)} s (${Math.round(fanout.rows / fanout.seconds)} rows/s; seeding took ${fanout.seedSeconds.toFixed(1)} s)`,
      ],
      [
        `worker peak RSS ${fanout.peakIsFanOut ? 'during the fan-out' : 'over its life (VmHWM could not be reset)'} (aim < 250 MB)`,
        `${fanout.peakRssMb} MB (${fanout.rssBeforeMb} MB before)`,
      ],
    ],
  );
}
