// Blast throughput end to end (API + worker + sandbox as real processes) next to the raw ceiling
// of send-to-me calls, fan-out time and worker peak RSS for a large audience, and the limiter's
// accuracy over 60 s. Run with `npm run bench:blast`.
//
// Environment: BENCH_RECIPIENTS (default 100000), BENCH_FANOUT (default 1000000),
// BENCH_LIMITER_SECONDS (default 60), BENCH_LIMITER_RATES (default 100,1000), BENCH_PROFILE_DIR
// (when set, the worker writes a V8 CPU profile there on exit, for chrome://inspect or speedscope).

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { Role } from '@app/accounts';
import { SecretBox } from '@app/common';
import { loadConfig } from '@app/config';
import { dropDatabase, ensureDatabase, runMigrations, withDatabase } from '@app/database';
import { KakaoClient, prepareTemplate } from '@app/kakao-client';
import { ALL_MIGRATIONS } from '@app/migrations';

import { positiveInt } from './lib/latency';

const RECIPIENTS = positiveInt(process.env.BENCH_RECIPIENTS, 100_000);
const FANOUT = positiveInt(process.env.BENCH_FANOUT, 1_000_000);
const LIMITER_SECONDS = positiveInt(process.env.BENCH_LIMITER_SECONDS, 60);
const LIMITER_RATES = (process.env.BENCH_LIMITER_RATES ?? '100,1000')
  .split(',')
  .map((v) => positiveInt(v, 100));
const DIST = join(__dirname, '..');
const HIGH = 1_000_000_000;
const PASSWORD = 'bench-password-1';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) {
        return;
      }
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

const children: ChildProcess[] = [];

function start(script: string, env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, join(DIST, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc. */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Peak resident set (VmHWM) of a process in MB, from /proc. */
function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  }
  return JSON.parse(text) as T;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const dbName = `kcc_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(base.database.url, dbName);
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl, ALL_MIGRATIONS);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const secretsKey = randomBytes(32).toString('base64');
  const box = new SecretBox(Buffer.from(secretsKey, 'base64'));
  const [sandboxPort, apiPort, healthPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  try {
    const sandbox = start('apps/kakao-sandbox/src/main.js', {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_QUOTA_TALK_MESSAGE_DAILY: String(HIGH),
      SANDBOX_QUOTA_TALK_CALENDAR_DAILY: String(HIGH),
      SANDBOX_QUOTA_SENDER_DAILY: String(HIGH),
      SANDBOX_QUOTA_RECIPIENT_DAILY: String(HIGH),
      SANDBOX_QUOTA_PAIR_DAILY: String(HIGH),
    });
    await waitHttp(`${sandboxUrl}/__sandbox/health`);
    const app = await json<{
      app_id: number;
      rest_api_key: string;
      admin_key: string;
      client_secret: string;
      channels: { channel_public_id: string }[];
    }>(`${sandboxUrl}/__sandbox/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channels: [{ public_id: '_bench' }],
        quotas: {
          talk_message_daily: HIGH,
          talk_calendar_daily: HIGH,
          sender_daily: HIGH,
          recipient_daily: HIGH,
          pair_daily: HIGH,
        },
      }),
    });
    // Channel and an admin, written as the console writes them.
    const channelId = (
      await db.query<{ id: string }>(
        `INSERT INTO channels (name, channel_public_id, kakao_app_id, rest_api_key_sealed, admin_key_sealed, client_secret_sealed, approval_required, version)
         VALUES ('Bench', $1, $2, $3, $4, $5, false, 1) RETURNING id`,
        [
          app.channels[0].channel_public_id,
          String(app.app_id),
          box.encrypt(app.rest_api_key),
          box.encrypt(app.admin_key),
          box.encrypt(app.client_secret),
        ],
      )
    ).rows[0].id;
    const env = {
      DATABASE_URL: databaseUrl,
      SECRETS_KEY: secretsKey,
      QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      KAKAO_API_BASE_URL: sandboxUrl,
      KAKAO_AUTH_BASE_URL: sandboxUrl,
      API_PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(healthPort),
      LOG_LEVEL: 'warn',
    };
    const { default: argon2 } = await import('argon2');
    const userId = (
      await db.query<{ id: string }>(
        `INSERT INTO users (email, display_name, password_hash, version) VALUES ('bench@bench.test', 'Bench', $1, 1) RETURNING id`,
        [await argon2.hash(PASSWORD)],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO channel_memberships (user_id, channel_id, role) VALUES ($1, $2, $3)`,
      [userId, channelId, Role.Admin],
    );
    start('apps/api/src/main.js', env);
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const worker = start(
      'apps/worker/src/main.js',
      env,
      profileDir ? profilingArgs(profileDir) : [],
    );
    await waitHttp(`${apiUrl}/api/health`);
    await waitHttp(`http://127.0.0.1:${healthPort}/health`);
    const { token } = await json<{ token: string }>(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@bench.test', password: PASSWORD }),
    });
    const headers = {
      authorization: `Bearer ${token}`,
      'x-channel-id': channelId,
      'content-type': 'application/json',
    };
    const api = <T>(method: string, path: string, body?: unknown) =>
      json<T>(`${apiUrl}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    // Recipients: sandbox users with real tokens, sealed and bulk-inserted.
    let seeded = Date.now();
    const tokens: string[] = [];
    for (let done = 0; done < RECIPIENTS; done += 20_000) {
      const { users } = await json<{
        users: { user_id: number; uuid: string; access_token: string }[];
      }>(`${sandboxUrl}/__sandbox/apps/${app.app_id}/users/bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: Math.min(20_000, RECIPIENTS - done) }),
      });
      tokens.push(...users.map((user) => user.access_token));
      await insertRecipients(
        db,
        channelId,
        users.map((user) => ({
          kakaoUserId: String(user.user_id),
          uuid: user.uuid,
          sealed: box.encrypt(user.access_token),
        })),
      );
    }
    const seedSeconds = (Date.now() - seeded) / 1000;

    const audience = await api<{ id: string }>('POST', '/audiences', {
      name: 'Everyone',
      kind: 'dynamic',
      rules: {
        combinator: 'and',
        children: [{ field: 'consentState', operator: 'eq', value: 'active' }],
      },
    });
    const campaign = await api<{ id: string }>('POST', '/campaigns', {
      name: 'Bench',
      content: {
        title: 'Bench',
        allDay: false,
        startsAt: '2030-04-12T10:00:00+09:00',
        endsAt: '2030-04-12T11:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    });
    await api('POST', `/campaigns/${campaign.id}/publish`, {});
    let kakaoEventId: string | null = null;
    while (!kakaoEventId) {
      await sleep(200);
      kakaoEventId = (
        await api<{ kakaoEventId: string | null }>('GET', `/campaigns/${campaign.id}`)
      ).kakaoEventId;
    }
    const blastOf = (name: string, audienceId: string, ratePerSecond: number) => ({
      name,
      message: {
        idType: 'event',
        campaignId: campaign.id,
        title: 'Bench',
        webUrl: 'https://example.com',
      },
      audienceId,
      schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
      ratePerSecond,
      quietHours: false,
    });
    const runBlast = async (name: string, audienceId: string, rate: number) => {
      const blast = await api<{ id: string }>('POST', '/blasts', blastOf(name, audienceId, rate));
      return (await api<{ id: string }>('POST', `/blasts/${blast.id}/start`, {})).id;
    };

    // 1. End to end, no rate limit.
    const started = Date.now();
    const workerCpuBefore = cpuMs(worker.pid);
    const sandboxCpuBefore = cpuMs(sandbox.pid);
    const runId = await runBlast('e2e', audience.id, 100_000);
    let progress = await api<{ state: string; counts: Record<string, number> }>(
      'GET',
      `/blast-runs/${runId}`,
    );
    while (progress.state !== 'completed') {
      await sleep(250);
      progress = await api('GET', `/blast-runs/${runId}`);
    }
    const e2eSeconds = (Date.now() - started) / 1000;
    const e2eRate = progress.counts.sent / e2eSeconds;
    const workerCpuPerSend = (cpuMs(worker.pid) - workerCpuBefore) / progress.counts.sent;
    const sandboxCpuPerSend = (cpuMs(sandbox.pid) - sandboxCpuBefore) / progress.counts.sent;

    // 2. The raw ceiling: a bare loop of send-to-me calls against the same sandbox.
    const client = new KakaoClient({ apiBaseUrl: sandboxUrl, authBaseUrl: sandboxUrl, retries: 0 });
    const template = prepareTemplate({
      object_type: 'calendar',
      id_type: 'event',
      id: kakaoEventId,
      content: { title: 'Bench', link: { web_url: 'https://example.com' } },
    });
    let calls = 0;
    const ceilingStart = Date.now();
    const benchCpuBefore = process.cpuUsage();
    const sandboxCpuBeforeCeiling = cpuMs(sandbox.pid);
    const ceilingEnd = ceilingStart + 10_000;
    await Promise.all(
      Array.from({ length: 64 }, async (_, lane) => {
        let i = lane;
        while (Date.now() < ceilingEnd) {
          await client.messages.sendToMe(tokens[i % tokens.length], template);
          calls += 1;
          i += 64;
        }
      }),
    );
    const ceiling = calls / ((Date.now() - ceilingStart) / 1000);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const clientCpuPerCall = (benchCpu.user + benchCpu.system) / 1000 / calls;
    const sandboxCpuPerCall = (cpuMs(sandbox.pid) - sandboxCpuBeforeCeiling) / calls;
    await client.close();

    // 3. Limiter accuracy: the sent rate inside a 60 s window, from the ledger, once fanned out.
    const limiter: { target: number; measured: number; errorPct: number }[] = [];
    for (const rate of LIMITER_RATES) {
      const limitedRun = await runBlast(`limiter ${rate}/s`, audience.id, rate);
      // The window opens once the audience is in the ledger: a fan-out of 100,000 rows beside
      // the sends takes the 2-core machine's CPU for ~15 s, which measures the box, not the limiter.
      const fannedOutBy = Date.now() + 120_000;
      while (Date.now() < fannedOutBy) {
        const run = await db.query<{ fanout_done: boolean }>(
          `SELECT fanout_done FROM blast_runs WHERE id = $1`,
          [limitedRun],
        );
        if (run.rows[0]?.fanout_done) {
          break;
        }
        await sleep(200);
      }
      await sleep(5_000);
      const from = new Date();
      await sleep(LIMITER_SECONDS * 1000);
      const to = new Date();
      await api('POST', `/blast-runs/${limitedRun}/cancel`, {});
      // A batch writes its outcomes when it ends: calls made before `to` are still in flight
      // (state 'sending') for a moment after it. Count once they have landed.
      const settleBy = Date.now() + 30_000;
      while (Date.now() < settleBy) {
        const inFlight = await db.query<{ count: string }>(
          `SELECT count(*) FROM blast_deliveries WHERE run_id = $1 AND state = 'sending'`,
          [limitedRun],
        );
        if (Number(inFlight.rows[0].count) === 0) {
          break;
        }
        await sleep(200);
      }
      const { rows } = await db.query<{ count: string }>(
        `SELECT count(*) FROM blast_deliveries WHERE run_id = $1 AND state = 'sent' AND sent_at >= $2 AND sent_at < $3`,
        [limitedRun, from, to],
      );
      const measured = Number(rows[0].count) / ((to.getTime() - from.getTime()) / 1000);
      limiter.push({
        target: rate,
        measured: Math.round(measured * 10) / 10,
        errorPct: Math.round(((measured - rate) / rate) * 1000) / 10,
      });
    }

    // 4. Fan-out of a large audience: time and worker peak memory.
    seeded = Date.now();
    const extra = FANOUT - RECIPIENTS;
    const fakeSealed = box.encrypt('not-a-real-token');
    for (let done = 0; done < extra; done += 50_000) {
      const count = Math.min(50_000, extra - done);
      await insertRecipients(
        db,
        channelId,
        Array.from({ length: count }, (_, i) => ({
          kakaoUserId: String(9_000_000_000 + done + i),
          uuid: null,
          sealed: fakeSealed,
        })),
      );
    }
    const fanoutSeedSeconds = (Date.now() - seeded) / 1000;
    const fanoutStart = Date.now();
    const fanoutRun = await runBlast('fan-out', audience.id, 1);
    let fanoutDone = false;
    let rss = 0;
    while (!fanoutDone) {
      await sleep(500);
      rss = Math.max(rss, peakRssMb(worker.pid));
      fanoutDone = (
        await db.query<{ fanout_done: boolean }>(
          `SELECT fanout_done FROM blast_runs WHERE id = $1`,
          [fanoutRun],
        )
      ).rows[0].fanout_done;
    }
    const fanoutSeconds = (Date.now() - fanoutStart) / 1000;
    const ledgerRows = Number(
      (
        await db.query<{ count: string }>(
          `SELECT count(*) FROM blast_deliveries WHERE run_id = $1`,
          [fanoutRun],
        )
      ).rows[0].count,
    );
    await api('POST', `/blast-runs/${fanoutRun}/cancel`, {});
    rss = Math.max(rss, peakRssMb(worker.pid));

    const pg = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]
      .server_version;
    console.log(
      `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${pg}`,
    );
    console.log(`Recipients seeded: ${RECIPIENTS} in ${seedSeconds.toFixed(1)} s\n`);
    console.table([
      {
        measure: `end to end, ${RECIPIENTS} recipients, no rate limit`,
        value: `${Math.round(e2eRate)} deliveries/s (${progress.counts.sent} sent in ${e2eSeconds.toFixed(1)} s)`,
      },
      {
        measure: 'CPU per delivery end to end: worker / sandbox',
        value: `${workerCpuPerSend.toFixed(3)} ms / ${sandboxCpuPerSend.toFixed(3)} ms`,
      },
      {
        measure: 'raw ceiling: bare send-to-me loop, 64 in flight',
        value: `${Math.round(ceiling)} calls/s`,
      },
      {
        measure: 'CPU per call in the ceiling loop: client / sandbox',
        value: `${clientCpuPerCall.toFixed(3)} ms / ${sandboxCpuPerCall.toFixed(3)} ms`,
      },
      {
        measure: 'ratio end to end / ceiling',
        value: `${Math.round((e2eRate / ceiling) * 100)} %`,
      },
      {
        measure: `fan-out of ${ledgerRows} recipients into the ledger`,
        value: `${fanoutSeconds.toFixed(1)} s (${Math.round(ledgerRows / fanoutSeconds)} rows/s; seeding took ${fanoutSeedSeconds.toFixed(1)} s)`,
      },
      { measure: 'worker peak RSS (VmHWM) during the run', value: `${rss} MB` },
      ...limiter.map((row) => ({
        measure: `limiter at ${row.target}/s over ${LIMITER_SECONDS} s (after fan-out)`,
        value: `${row.measured}/s (${row.errorPct >= 0 ? '+' : ''}${row.errorPct} %)`,
      })),
    ]);
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) {
              resolve();
              return;
            }
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
    await db.end();
    await dropDatabase(base.database.url, dbName).catch(() => undefined);
  }
}

/**
 * Node writes a CPU profile only on a normal exit, and Nest re-raises SIGTERM after closing: a
 * preloaded handler exits first so the profile is written.
 */
function profilingArgs(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const preload = join(dir, 'exit-on-sigterm.cjs');
  writeFileSync(preload, "process.on('SIGTERM', () => process.exit(0));\n");
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--require', preload];
}

async function insertRecipients(
  db: Client,
  channelId: string,
  rows: { kakaoUserId: string; uuid: string | null; sealed: string }[],
): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += 5_000) {
    const slice = rows.slice(offset, offset + 5_000);
    await db.query(
      `INSERT INTO recipients (channel_id, kakao_user_id, kakao_uuid, scopes, access_token_sealed, access_token_expires_at, consent_state, source, opted_in_at, version)
       SELECT $1, u.id, u.uuid, ARRAY['talk_message','talk_calendar'], u.sealed, now() + interval '6 hours', 'active', 'ingest', now(), 1
       FROM unnest($2::varchar[], $3::varchar[], $4::text[]) AS u(id, uuid, sealed)`,
      [
        channelId,
        slice.map((r) => r.kakaoUserId),
        slice.map((r) => r.uuid),
        slice.map((r) => r.sealed),
      ],
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) {
    child.kill('SIGKILL');
  }
  process.exit(1);
});
