'use strict';
// Finds Postgres and Redis, or starts them: local Debian services first (when allowed), then
// docker compose; otherwise says exactly what to start. Used by npm start and npm test.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { serviceAddress } = require('./env-file');

const root = path.resolve(__dirname, '..');

function canConnect({ host, port }, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

function commandWorks(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 15_000 });
  return result.status === 0;
}

const isLocal = ({ host }) => host === '127.0.0.1' || host === 'localhost' || host === '::1';

/** Starts a Debian-installed service on this machine; true when a start command ran. */
function startLocal(name, address) {
  if (!isLocal(address)) return false;
  if (name === 'postgres' && fs.existsSync('/etc/postgresql')) {
    const versions = fs.readdirSync('/etc/postgresql');
    return versions.some((version) =>
      commandWorks('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']),
    );
  }
  if (name === 'redis' && commandWorks('which', ['redis-server'])) {
    return commandWorks('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '--port',
      String(address.port),
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
  }
  return false;
}

const HINTS = {
  postgres:
    'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or docker compose up -d postgres, or set DATABASE_URL)',
  redis:
    'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no   (or docker compose up -d redis, or set REDIS_URL)',
};

/**
 * Makes sure Postgres and Redis answer. `startLocal` allows starting Debian services installed on
 * this machine before trying docker compose.
 */
async function ensureServices({ startLocal: allowLocal = true, log = console.log } = {}) {
  const wanted = [
    [
      'postgres',
      serviceAddress(
        process.env.DATABASE_URL,
        'postgres://postgres@127.0.0.1:5432/kakao_console',
        5432,
      ),
    ],
    ['redis', serviceAddress(process.env.REDIS_URL, 'redis://127.0.0.1:6379', 6379)],
  ];
  let missing = [];
  for (const [name, address] of wanted) {
    if (!(await canConnect(address))) missing.push([name, address]);
  }
  if (missing.length > 0 && allowLocal) {
    for (const [name, address] of missing) {
      if (startLocal(name, address)) log(`Started the local ${name} service`);
    }
    const still = [];
    for (const [name, address] of missing) {
      if (!(await waitFor(() => canConnect(address), 15_000))) still.push([name, address]);
    }
    missing = still;
  }
  if (missing.length > 0 && commandWorks('docker', ['info'])) {
    const names = missing.map(([name]) => name);
    log(`Starting ${names.join(' and ')} with docker compose`);
    const result = spawnSync('docker', ['compose', 'up', '-d', '--wait', ...names], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status === 0) {
      const still = [];
      for (const [name, address] of missing) {
        if (!(await waitFor(() => canConnect(address), 60_000))) still.push([name, address]);
      }
      missing = still;
    }
  }
  if (missing.length > 0) {
    const list = missing.map(([name, a]) => `${name} (${a.host}:${a.port})`).join(' and ');
    throw new Error(
      `${list} did not answer${allowLocal ? '' : ' and no Docker engine runs here'}. Start ${missing.length > 1 ? 'them' : 'it'}, then try again:\n` +
        missing.map(([name]) => `    ${HINTS[name]}`).join('\n'),
    );
  }
  for (const [name, address] of wanted) log(`${name} answers at ${address.host}:${address.port}`);
}

module.exports = { canConnect, ensureServices, waitFor };
