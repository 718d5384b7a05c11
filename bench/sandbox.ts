// Throughput and latency of send-to-me and create-public-event through the Kakao client, with the
// sandbox in its own process. Run with `npm run bench:sandbox`.
//
// Environment: BENCH_SECONDS (per cell, default 5), BENCH_USERS (default 1000),
// BENCH_CONCURRENCY (comma-separated, default 1,16,64).

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { request } from 'undici';

import {
  type CalendarTemplate,
  KakaoClient,
  type PublicEventCreate,
  timedEventTime,
} from '@app/kakao-client';

const SECONDS = positiveInt(process.env.BENCH_SECONDS, 5);
const USER_COUNT = positiveInt(process.env.BENCH_USERS, 1000);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,16,64')
  .split(',')
  .map((value) => positiveInt(value.trim(), 1));
const HIGH_QUOTA = '1000000000';
const SANDBOX_MAIN = join(__dirname, '..', 'apps', 'kakao-sandbox', 'src', 'main.js');

interface SandboxApp {
  app_id: number | string;
  admin_key: string;
  channels: { channel_public_id: string }[];
}

interface SandboxUser {
  access_token: string;
}

interface Cell {
  call: string;
  concurrency: number;
  calls: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU time of this (client) process per call, in µs. */
  clientCpuUs: number;
  /** CPU time of the sandbox process per call, in µs; NaN where /proc is unavailable. */
  sandboxCpuUs: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a process, from /proc (Linux); NaN elsewhere. */
function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) {
    return NaN;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

function startSandbox(port: number): ChildProcess {
  return spawn(process.execPath, [SANDBOX_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SANDBOX_PORT: String(port),
      SANDBOX_STATE_FILE: '',
      SANDBOX_QUOTA_TALK_CALENDAR_DAILY: HIGH_QUOTA,
      SANDBOX_QUOTA_TALK_MESSAGE_DAILY: HIGH_QUOTA,
      SANDBOX_QUOTA_SENDER_DAILY: HIGH_QUOTA,
      SANDBOX_QUOTA_RECIPIENT_DAILY: HIGH_QUOTA,
      SANDBOX_QUOTA_PAIR_DAILY: HIGH_QUOTA,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function control<T>(baseUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await request(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) {
    throw new Error(`${path} answered ${response.statusCode}: ${text}`);
  }
  return JSON.parse(text) as T;
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`sandbox exited with code ${child.exitCode}`);
    }
    try {
      await control(baseUrl, '/__sandbox/health');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('sandbox did not become healthy within 30 s');
}

/** Runs `call` from `concurrency` loops for `seconds`; latencies in ms. */
async function measure(
  name: string,
  concurrency: number,
  seconds: number,
  call: (index: number) => Promise<unknown>,
  sandboxPid?: number,
): Promise<Cell> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let errors = 0;
  let next = 0;
  let firstError: unknown;
  const sandboxCpu0 = processCpuSeconds(sandboxPid);
  const clientCpu0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const index = next++;
      const t0 = performance.now();
      try {
        await call(index);
      } catch (error) {
        errors += 1;
        firstError ??= error;
        continue;
      }
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpu0);
  const sandboxCpu = processCpuSeconds(sandboxPid) - sandboxCpu0;
  const total = count + errors;
  if (firstError !== undefined) {
    console.error(`${name} x${concurrency}: ${errors} errors, first:`, firstError);
  }
  const sorted = latencies.slice(0, count).sort();
  const pick = (q: number): number =>
    count === 0 ? NaN : sorted[Math.min(count - 1, Math.floor(q * count))];
  return {
    call: name,
    concurrency,
    calls: count,
    errors,
    seconds: elapsed,
    p50: pick(0.5),
    p99: pick(0.99),
    clientCpuUs: (clientCpu.user + clientCpu.system) / total,
    sandboxCpuUs: (sandboxCpu * 1e6) / total,
  };
}

function printTable(cells: Cell[]): void {
  const header = [
    'call',
    'conc',
    'calls',
    'errors',
    'calls/s',
    'p50 ms',
    'p99 ms',
    'client CPU µs/call',
    'sandbox CPU µs/call',
  ];
  const rows = cells.map((cell) => [
    cell.call,
    String(cell.concurrency),
    String(cell.calls),
    String(cell.errors),
    (cell.calls / cell.seconds).toFixed(0),
    cell.p50.toFixed(2),
    cell.p99.toFixed(2),
    cell.clientCpuUs.toFixed(0),
    Number.isNaN(cell.sandboxCpuUs) ? 'n/a' : cell.sandboxCpuUs.toFixed(0),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cols: string[]): string =>
    '| ' +
    cols.map((col, i) => (i < 1 ? col.padEnd(widths[i]) : col.padStart(widths[i]))).join(' | ') +
    ' |';
  console.log(line(header));
  console.log(
    '|' +
      widths.map((w, i) => (i < 1 ? ':' : '') + '-'.repeat(w + 1) + (i < 1 ? '' : ':')).join('|') +
      '|',
  );
  for (const row of rows) {
    console.log(line(row));
  }
}

function machine(): string {
  const cpuList = cpus();
  const model = cpuList[0]?.model.trim() ?? 'unknown CPU';
  const memGiB = (totalmem() / 1024 ** 3).toFixed(1);
  return `${model} x ${cpuList.length} logical CPUs, ${memGiB} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

function publicEvent(index: number): PublicEventCreate {
  const start = Date.UTC(2030, 0, 1, 0, 0) + (index % 10_000) * 3_600_000;
  return {
    title: `Bench pop-up ${index % 1000}`,
    time: timedEventTime({ start, end: start + 3_600_000 }),
    location: { name: 'Seongsu' },
    reminders: [60],
  };
}

async function main(): Promise<void> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = startSandbox(port);
  const stop = (): void => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  };
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const client = new KakaoClient({ apiBaseUrl: baseUrl, authBaseUrl: baseUrl });
  try {
    await waitForHealth(baseUrl, child);
    const app = await control<SandboxApp>(baseUrl, '/__sandbox/apps', {
      name: 'bench',
      channels: [{ name: 'Bench channel' }],
      quotas: {
        talk_calendar_daily: Number(HIGH_QUOTA),
        talk_message_daily: Number(HIGH_QUOTA),
        sender_daily: Number(HIGH_QUOTA),
        recipient_daily: Number(HIGH_QUOTA),
        pair_daily: Number(HIGH_QUOTA),
      },
    });
    const { users } = await control<{ users: SandboxUser[] }>(
      baseUrl,
      `/__sandbox/apps/${app.app_id}/users/bulk`,
      { count: USER_COUNT, scopes: ['talk_message', 'talk_calendar'] },
    );
    const tokens = users.map((user) => user.access_token);
    const adminKey = app.admin_key;
    const eventId = await client.publicEvents.createPublicEvent(publicEvent(0), { adminKey });
    const template: CalendarTemplate = {
      object_type: 'calendar',
      id_type: 'event',
      id: eventId,
      content: {
        title: 'Spring Pop-up',
        description: '4/12–4/14 Seongsu',
        image_url: 'https://cdn.example.com/popup.png',
        link: {
          web_url: 'https://example.com/popup',
          mobile_web_url: 'https://m.example.com/popup',
        },
      },
      buttons: [{ title: 'Details', link: { web_url: 'https://example.com/popup' } }],
    };
    const sendToMe = (index: number): Promise<unknown> =>
      client.messages.sendToMe(tokens[index % tokens.length], template);
    const createPublicEvent = (index: number): Promise<unknown> =>
      client.publicEvents.createPublicEvent(publicEvent(index), { adminKey });

    console.log(`machine: ${machine()}`);
    console.log(
      `sandbox: separate process on ${baseUrl}; ${tokens.length} users; ${SECONDS} s per cell`,
    );
    // Warm up connections and JIT on both sides before measuring.
    await measure('warm-up', 16, 1, sendToMe);
    await measure('warm-up', 16, 1, createPublicEvent);
    const cells: Cell[] = [];
    for (const [name, call] of [
      ['send-to-me', sendToMe],
      ['create-public-event', createPublicEvent],
    ] as const) {
      for (const concurrency of CONCURRENCY) {
        cells.push(await measure(name, concurrency, SECONDS, call, child.pid));
      }
    }
    printTable(cells);
  } finally {
    await client.close();
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
