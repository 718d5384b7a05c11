import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Redis } from 'ioredis';

// Chaos tests restart or flush their services, so they run their own instances on free ports
// and never disturb the shared Postgres and Redis or other test files.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntil(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not come up in ${timeoutMs} ms`);
}

export interface PrivateRedis {
  url: string;
  flushAll(): Promise<void>;
  stop(): Promise<void>;
}

/** A redis-server of our own (nothing kept on disk, like the shared one). */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  await waitUntil(async () => {
    await client.connect().catch(() => undefined);
    return (await client.ping()) === 'PONG';
  }, 'private Redis');
  return {
    url,
    async flushAll() {
      await client.flushall();
    },
    async stop() {
      client.disconnect();
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export interface PrivatePostgres {
  /** Server URL (database `postgres`), trust auth as user `postgres`. */
  url: string;
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) {
    throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql');
  }
  return path.join(root, version, 'bin', name);
}

/** initdb refuses root; run the server tools as the postgres user when we are root. */
function asPostgres(command: string, args: string[]): string[] {
  return process.getuid?.() === 0
    ? ['runuser', '-u', 'postgres', '--', command, ...args]
    : [command, ...args];
}

function run(command: string[]): void {
  execFileSync(command[0], command.slice(1), { stdio: 'ignore' });
}

/** A Postgres cluster of our own (initdb + pg_ctl), for tests that restart the database. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'kcc-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  run(
    asPostgres(postgresBin('initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]),
  );
  const start = () =>
    run(
      asPostgres(postgresBin('pg_ctl'), [
        '-D',
        data,
        '-l',
        path.join(dir, 'log'),
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        '-w',
        'start',
      ]),
    );
  const stop = (mode: 'fast' | 'immediate') =>
    run(asPostgres(postgresBin('pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']));
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(downMs = 1000) {
      stop('immediate');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      start();
    },
    stop() {
      if (existsSync(path.join(data, 'postmaster.pid'))) {
        stop('immediate');
      }
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
