#!/usr/bin/env node
// `npm test`: every test level in one run (unit, int, contract, e2e, admin components and browser:
// every project of jest.config.js), against the real Postgres and Redis, which it starts when they
// are installed here but not running. The browser project builds the admin UI when it is stale and
// drives Debian's chromium (/usr/bin/chromium).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { loadDotEnv } = require('./env-file');
const { ensureServices } = require('./services');

const root = path.resolve(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';

async function main() {
  loadDotEnv(path.join(root, '.env'));
  process.env.NODE_ENV = 'test';
  await ensureServices({ log: (message) => console.log(`› ${message}`) });
  if (!fs.existsSync(CHROMIUM)) {
    console.log(
      `› ${CHROMIUM} is missing: the browser tests will fail. Install it with "apt-get install -y chromium"` +
        ' (.ci/run does), or leave them out with --selectProjects unit int contract e2e admin.',
    );
  }

  const report = path.join(os.tmpdir(), `kcc-jest-${process.pid}.json`);
  // A hook or test that waits on a service gets 30 s (files that need more say so), and a
  // handle a test forgets to close never keeps the run from ending.
  const args = [
    '--ci',
    '--json',
    `--outputFile=${report}`,
    '--testTimeout=30000',
    '--forceExit',
    ...process.argv.slice(2),
  ];
  const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });

  // One plain closing line that any CI reader understands.
  if (fs.existsSync(report)) {
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTestSuites } = JSON.parse(
      fs.readFileSync(report, 'utf8'),
    );
    fs.rmSync(report, { force: true });
    console.log(`\n${numTotalTestSuites} suites`);
    console.log(
      `tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`,
    );
  }
  process.exit(jest.status ?? 1);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
