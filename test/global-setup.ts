import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { isRedisReachable } from '@app/jobs';
import { prepareTemplateDatabase } from '@app/testing';

let built = false;

/**
 * Runs once before the int and e2e projects: checks the services, migrates the template database
 * and builds dist/ (tests that kill a worker spawn it as a real process).
 */
export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await isRedisReachable(redisUrl))) {
    throw new Error(
      `Redis does not answer at ${redisUrl}. Start it (e.g. "redis-server --daemonize yes ` +
        "--bind 127.0.0.1 --port 6379 --save '' --appendonly no\") or set REDIS_URL.",
    );
  }
  await prepareTemplateDatabase();
  if (!built) {
    const result = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: path.resolve(__dirname, '..'),
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      throw new Error('npm run build failed');
    }
    built = true;
  }
}
