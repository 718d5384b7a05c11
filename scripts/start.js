#!/usr/bin/env node
// `npm start`: installs what is missing, makes sure Postgres and Redis answer, migrates, seeds the
// demo channel, builds the admin UI when its sources changed and runs the whole console (sandbox,
// API serving the UI at /, worker) until Ctrl-C.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { loadDotEnv } = require('./env-file');
const { ensureServices, waitFor } = require('./services');

function step(message) {
  console.log(`\x1b[36m›\x1b[0m ${message}`);
}

function fail(message) {
  console.error(`\x1b[31m✖\x1b[0m ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

function dependenciesMissing() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(marker)) {
    return true;
  }
  const lock = path.join(root, 'package-lock.json');
  return fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs;
}

/** Creates .env with a fresh SECRETS_KEY on the first start, so local secrets are really secret. */
function ensureLocalEnvFile() {
  const envPath = path.join(root, '.env');
  if (!fs.existsSync(envPath)) {
    fs.writeFileSync(
      envPath,
      `# Local settings for npm start (not committed). See .env.example for every variable.\n` +
        `SECRETS_KEY=${randomBytes(32).toString('base64')}\n`,
    );
    step('Created .env with a new SECRETS_KEY');
  }
  loadDotEnv(envPath);
}

const children = [];
let stopping = false;

/** Runs one of the built scripts with its output prefixed; a long-running one stops all on exit. */
function startChild(name, script, env, color, { oneShot = false } = {}) {
  const child = spawn(process.execPath, [path.join(root, 'dist', script)], {
    cwd: root,
    // The children write to a pipe (for the prefix): tell them whether a person reads it.
    env: {
      LOG_FORMAT: process.stdout.isTTY ? 'pretty' : 'json',
      ...process.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches only this script, which stops the children in order.
    detached: true,
  });
  child.serviceName = name;
  const prefix = `\x1b[${color}m[${name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (oneShot) {
      const index = children.indexOf(child);
      if (index >= 0) children.splice(index, 1);
      if (code !== 0 && !stopping) console.error(`${prefix}failed (${code ?? signal})`);
      return;
    }
    if (!stopping) {
      console.error(`${prefix}exited (${code ?? signal}); stopping everything`);
      stopAll(1);
    }
  });
  children.push(child);
  return child;
}

/** How long the worker may take to record its calls in flight (JOB_DRAIN_MS) and exit. */
const WORKER_STOP_MS = Number(process.env.JOB_DRAIN_MS ?? 15_000) + 5_000;

function exited(child) {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve),
  );
}

/** SIGTERM to `group`, SIGKILL to what is still running after `graceMs`. */
async function stopGroup(group, graceMs) {
  for (const child of group) child.kill('SIGTERM');
  let timer;
  await Promise.race([
    Promise.all(group.map(exited)),
    new Promise((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
  for (const child of group) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/**
 * The worker (and the demo seeder) stop first and finish their calls in flight while the API and
 * the sandbox still answer; then the rest.
 */
function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  const first = children.filter((child) => ['worker', 'demo'].includes(child.serviceName));
  const rest = children.filter((child) => !first.includes(child));
  stopGroup(first, WORKER_STOP_MS)
    .then(() => stopGroup(rest, 5_000))
    .then(() => process.exit(exitCode));
}

const adminDir = path.join(root, 'apps', 'admin');

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** The admin UI needs a build when it has none or a source is newer than the last one. */
function adminBuildNeeded() {
  const built = path.join(adminDir, 'dist', 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.mts', 'package.json', 'tsconfig.json']
    .map((name) => path.join(adminDir, name))
    .filter((source) => fs.existsSync(source));
  const newestSource = Math.max(...sources.map(newestMtime));
  return newestSource > fs.statSync(built).mtimeMs;
}

async function httpOk(url) {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

async function main() {
  process.chdir(root);
  if (dependenciesMissing()) {
    step('Installing dependencies (npm install)');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
  ensureLocalEnvFile();
  try {
    await ensureServices({ startLocal: false, log: step });
  } catch (error) {
    fail(error.message);
  }

  step('Building (swc)');
  run('npm', ['run', '--silent', 'build']);
  if (adminBuildNeeded()) {
    step('Building the admin UI (vite)');
    run('npm', ['run', '--silent', 'build:admin']);
  } else {
    step('The admin UI is up to date (apps/admin/dist)');
  }
  step('Migrating the database');
  run(process.execPath, ['dist/scripts/lib/migrate.js', 'run']);

  const sandboxPort = process.env.SANDBOX_PORT ?? '4010';
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  fs.mkdirSync(path.join(root, '.local'), { recursive: true });
  const sandboxEnv = {
    SANDBOX_PORT: sandboxPort,
    SANDBOX_STATE_FILE:
      process.env.SANDBOX_STATE_FILE ?? path.join(root, '.local', 'sandbox-state.json'),
  };
  const usesSandbox =
    !process.env.KAKAO_API_BASE_URL || process.env.KAKAO_API_BASE_URL.startsWith(sandboxUrl);
  if (usesSandbox) {
    step(`Starting the Kakao API sandbox on ${sandboxUrl}`);
    startChild('sandbox', 'apps/kakao-sandbox/src/main.js', sandboxEnv, 35);
    if (!(await waitFor(() => httpOk(`${sandboxUrl}/__sandbox/health`), 20_000))) {
      stopAll(1);
      return;
    }
  }

  step('Seeding the demo channel');
  const seedEnv = {
    KAKAO_API_BASE_URL: process.env.KAKAO_API_BASE_URL ?? sandboxUrl,
    KAKAO_AUTH_BASE_URL: process.env.KAKAO_AUTH_BASE_URL ?? sandboxUrl,
    SANDBOX_URL: sandboxUrl,
  };
  const seed = spawnSync(process.execPath, ['dist/scripts/lib/seed.js'], {
    cwd: root,
    env: { ...process.env, ...seedEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (seed.status !== 0) {
    stopAll(1);
    return;
  }
  const summary = seed.stdout.trimEnd();

  // Webhooks reach only public addresses; the demo also admits this machine, so a receiver
  // started next to it can be tried. An explicit WEBHOOK_ALLOWED_HOSTS (in .env) wins.
  const appEnv = {
    ...seedEnv,
    WEBHOOK_ALLOWED_HOSTS: process.env.WEBHOOK_ALLOWED_HOSTS || 'localhost,127.0.0.1,::1',
  };
  startChild('api', 'apps/api/src/main.js', appEnv, 32);
  startChild('worker', 'apps/worker/src/main.js', appEnv, 33);
  const apiUrl = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;
  if (!(await waitFor(() => httpOk(`${apiUrl}/api/health`), 30_000))) {
    console.error('The API did not become healthy in 30 s');
    stopAll(1);
    return;
  }
  const health = await (await fetch(`${apiUrl}/api/health`)).json();
  console.log(
    [
      '',
      '\x1b[1mKakao Channel Campaign Console is running\x1b[0m',
      `  Console (admin UI)  ${apiUrl}/`,
      `  API                 ${apiUrl}/api   health: ${JSON.stringify(health)}`,
      `  Worker health       http://127.0.0.1:${process.env.WORKER_HEALTH_PORT ?? '3001'}/health`,
      usesSandbox
        ? `  Kakao API sandbox   ${sandboxUrl}   (control API: ${sandboxUrl}/__sandbox/apps)`
        : `  Kakao API           ${process.env.KAKAO_API_BASE_URL}`,
      summary,
      '  Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
  // A few weeks of campaigns, blasts, clicks and follows for the dashboard, made through the
  // running console against the sandbox; once per channel (DEMO_HISTORY=off leaves it out).
  if (usesSandbox && process.env.DEMO_HISTORY !== 'off') {
    step('Seeding the demo history in the background (the console is usable meanwhile)');
    startChild('demo', 'scripts/lib/demo-history.js', { ...appEnv, API_URL: apiUrl }, 36, {
      oneShot: true,
    });
  }
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
main().catch((error) => {
  console.error(error);
  stopAll(1);
});
