// What the HTTP latency benchmarks share: reading sizes from the environment, measuring a call
// at a concurrency, printing the table and the machine.
import { cpus, loadavg, totalmem } from 'node:os';

export function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export interface LatencyResult {
  query: string;
  requests: number;
  errors: number;
  /** What the answer said it matched (a list's total), when the caller reports it. */
  total: string;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

/** One call: its outcome, an error text for a failure, and what it matched. */
export interface CallOutcome {
  ok: boolean;
  error?: string;
  total?: string;
}

/** `requests` calls at `concurrency` after 10 warm-up calls (plans cached, connections open). */
export async function measureLatency(
  name: string,
  call: () => Promise<CallOutcome>,
  requests: number,
  concurrency: number,
): Promise<LatencyResult> {
  let total = '';
  let errors = 0;
  let firstError = '';
  const timed = async (): Promise<number> => {
    const started = performance.now();
    const outcome = await call();
    const elapsed = performance.now() - started;
    if (!outcome.ok) {
      errors += 1;
      firstError ||= outcome.error ?? 'failed';
    } else if (outcome.total !== undefined) {
      total = outcome.total;
    }
    return elapsed;
  };
  for (let i = 0; i < 10; i += 1) {
    await timed();
  }
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        latencies.push(await timed());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (firstError) {
    console.error(`${name}: ${errors} errors, first: ${firstError}`);
  }
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    query: name,
    requests: latencies.length,
    errors,
    total,
    p50: quantile(0.5),
    p95: quantile(0.95),
    p99: quantile(0.99),
    perSecond: latencies.length / seconds,
  };
}

export function printLatencyTable(results: LatencyResult[]): void {
  const header = ['query', 'requests', 'errors', 'matches', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'];
  const rows = results.map((r) => [
    r.query,
    String(r.requests),
    String(r.errors),
    r.total,
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.perSecond.toFixed(0),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cols: string[]) =>
    `| ${cols.map((col, i) => (i === 0 ? col.padEnd(widths[i]) : col.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) {
    console.log(line(row));
  }
}

export function machine(postgres: string): string {
  const list = cpus();
  return [
    `CPU: ${list[0]?.model.trim() ?? 'unknown'} × ${list.length} logical`,
    `RAM: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `Node ${process.version} (${process.platform}/${process.arch})`,
    `Postgres: ${postgres}`,
    `load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  ].join('; ');
}
