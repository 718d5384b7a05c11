// The blast benchmark's system under test as real processes: its own database, a Kakao sandbox,
// the API and the worker, with a channel and an admin written as the console writes them, and
// recipients seeded as sandbox users with real tokens.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { Client } from 'pg';

import { Role } from '@app/accounts';
import { SecretBox } from '@app/common';
import { loadConfig } from '@app/config';
import { dropDatabase, ensureDatabase, runMigrations, withDatabase } from '@app/database';
import { ALL_MIGRATIONS } from '@app/migrations';

/** dist/, where the built apps live next to this file's dist/bench/lib. */
const DIST = join(__dirname, '..', '..');
/** Quotas high enough that the sandbox never answers "quota exceeded" to a benchmark. */
const HIGH = 1_000_000_000;
const PASSWORD = 'bench-password-1';
const EMAIL = 'bench@bench.test';

export interface SandboxUser {
  user_id: number;
  uuid: string;
  access_token: string;
}

export interface BlastStack {
  /** The bench's own connection to the run's database. */
  db: Client;
  databaseUrl: string;
  sandboxUrl: string;
  appId: number;
  channelId: string;
  box: SecretBox;
  sandboxPid: number | undefined;
  apiPid: number | undefined;
  /** The worker running now; `restartWorker` replaces it. */
  worker: ChildProcess;
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** `kill -9` the worker and start a new one at once, as a supervisor would. */
  restartWorker(): Promise<{ killedAt: number }>;
  stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  }
  return JSON.parse(text) as T;
}

/** Children started so far, for the last-resort kill when the benchmark itself crashes. */
export const children: ChildProcess[] = [];

export async function startBlastStack(): Promise<BlastStack> {
  const base = loadConfig();
  const dbName = `kcc_bench_${randomHex(4)}`;
  const databaseUrl = withDatabase(base.database.url, dbName);
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl, ALL_MIGRATIONS);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const stopAll = async () => {
    await Promise.all(children.map(stopChild));
    await db.end();
    await dropDatabase(base.database.url, dbName).catch(() => undefined);
  };
  try {
    return await startProcesses(db, databaseUrl, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startProcesses(
  db: Client,
  databaseUrl: string,
  stop: () => Promise<void>,
): Promise<BlastStack> {
  const secretsKey = randomBytes(32).toString('base64');
  const box = new SecretBox(Buffer.from(secretsKey, 'base64'));
  const [sandboxPort, apiPort, healthPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const healthUrl = `http://127.0.0.1:${healthPort}/health`;
  const sandbox = start('apps/kakao-sandbox/src/main.js', {
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_QUOTA_TALK_MESSAGE_DAILY: String(HIGH),
    SANDBOX_QUOTA_TALK_CALENDAR_DAILY: String(HIGH),
    SANDBOX_QUOTA_SENDER_DAILY: String(HIGH),
    SANDBOX_QUOTA_RECIPIENT_DAILY: String(HIGH),
    SANDBOX_QUOTA_PAIR_DAILY: String(HIGH),
  });
  await waitHttp(`${sandboxUrl}/__sandbox/health`);
  const app = await createSandboxApp(sandboxUrl);
  const channelId = await insertChannel(db, box, app);
  await insertAdmin(db, channelId);
  const env = {
    DATABASE_URL: databaseUrl,
    SECRETS_KEY: secretsKey,
    QUEUE_PREFIX: `bench${randomHex(3)}`,
    KAKAO_API_BASE_URL: sandboxUrl,
    KAKAO_AUTH_BASE_URL: sandboxUrl,
    API_PORT: String(apiPort),
    WORKER_HEALTH_PORT: String(healthPort),
    LOG_LEVEL: 'warn',
  };
  const apiChild = start('apps/api/src/main.js', env);
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const workerArgs = profileDir ? profilingArgs(profileDir) : [];
  const stack: BlastStack = {
    db,
    databaseUrl,
    sandboxUrl,
    appId: app.app_id,
    channelId,
    box,
    sandboxPid: sandbox.pid,
    apiPid: apiChild.pid,
    worker: start('apps/worker/src/main.js', env, workerArgs),
    api: () => Promise.reject(new Error('not logged in yet')),
    restartWorker: async () => {
      const old = stack.worker;
      const exited = once(old, 'exit');
      old.kill('SIGKILL');
      const killedAt = Date.now();
      await exited;
      stack.worker = start('apps/worker/src/main.js', env, workerArgs);
      return { killedAt };
    },
    stop,
  };
  await waitHttp(`${apiUrl}/api/health`);
  await waitHttp(healthUrl);
  stack.api = await login(apiUrl, channelId);
  return stack;
}

interface SandboxApp {
  app_id: number;
  rest_api_key: string;
  admin_key: string;
  client_secret: string;
  channels: { channel_public_id: string }[];
}

function createSandboxApp(sandboxUrl: string): Promise<SandboxApp> {
  return json<SandboxApp>(`${sandboxUrl}/__sandbox/apps`, {
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
}

async function insertChannel(db: Client, box: SecretBox, app: SandboxApp): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO channels (name, channel_public_id, kakao_app_id, rest_api_key_sealed, admin_key_sealed, client_secret_sealed, approval_required, version)
     VALUES ('Bench', $1, $2, $3, $4, $5, false, 1) RETURNING id`,
    [
      app.channels[0].channel_public_id,
      String(app.app_id),
      box.encrypt(app.rest_api_key),
      box.encrypt(app.admin_key),
      box.encrypt(app.client_secret),
    ],
  );
  return rows[0].id;
}

async function insertAdmin(db: Client, channelId: string): Promise<void> {
  const { default: argon2 } = await import('argon2');
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, version) VALUES ($1, 'Bench', $2, 1) RETURNING id`,
    [EMAIL, await argon2.hash(PASSWORD)],
  );
  await db.query(
    `INSERT INTO channel_memberships (user_id, channel_id, role) VALUES ($1, $2, $3)`,
    [rows[0].id, channelId, Role.Admin],
  );
}

async function login(apiUrl: string, channelId: string): Promise<BlastStack['api']> {
  const { token } = await json<{ token: string }>(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const headers = {
    authorization: `Bearer ${token}`,
    'x-channel-id': channelId,
    'content-type': 'application/json',
  };
  return <T>(method: string, path: string, body?: unknown) =>
    json<T>(`${apiUrl}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** `count` sandbox users with real tokens, inserted as active recipients carrying `tags`. */
export async function seedSandboxRecipients(
  stack: BlastStack,
  count: number,
  tags: string[] = [],
): Promise<SandboxUser[]> {
  const seeded: SandboxUser[] = [];
  // The sandbox creates at most 20,000 users per call.
  for (let done = 0; done < count; done += 20_000) {
    const { users } = await json<{ users: SandboxUser[] }>(
      `${stack.sandboxUrl}/__sandbox/apps/${stack.appId}/users/bulk`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: Math.min(20_000, count - done) }),
      },
    );
    seeded.push(...users);
    await insertRecipients(
      stack.db,
      stack.channelId,
      users.map((user) => ({
        kakaoUserId: String(user.user_id),
        uuid: user.uuid,
        sealed: stack.box.encrypt(user.access_token),
      })),
      tags,
    );
  }
  return seeded;
}

export async function insertRecipients(
  db: Client,
  channelId: string,
  rows: { kakaoUserId: string; uuid: string | null; sealed: string }[],
  tags: string[] = [],
): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += 5_000) {
    const slice = rows.slice(offset, offset + 5_000);
    await db.query(
      `INSERT INTO recipients (channel_id, kakao_user_id, kakao_uuid, scopes, access_token_sealed, access_token_expires_at, consent_state, source, opted_in_at, tags, version)
       SELECT $1, u.id, u.uuid, ARRAY['talk_message','talk_calendar'], u.sealed, now() + interval '6 hours', 'active', 'ingest', now(), $5, 1
       FROM unnest($2::varchar[], $3::varchar[], $4::text[]) AS u(id, uuid, sealed)`,
      [
        channelId,
        slice.map((r) => r.kakaoUserId),
        slice.map((r) => r.uuid),
        slice.map((r) => r.sealed),
        tags,
      ],
    );
  }
}

function start(script: string, env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, join(DIST, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  // A child killed by a signal has a null exitCode but a signalCode: it is gone all the same.
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
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

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
