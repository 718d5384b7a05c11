import { isRedisReachable } from '@app/jobs';
import { prepareTemplateDatabase } from '@app/testing';

import { ensureAdminBuilt } from './support/admin-build';
import { chromiumPath } from './support/browser';

/**
 * Before the browser specs: Postgres and Redis answer, the template database is migrated, the
 * admin UI is built (when stale) for the API to serve, and Debian's chromium is installed.
 */
export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await isRedisReachable(redisUrl))) {
    throw new Error(`Redis does not answer at ${redisUrl}; start it or set REDIS_URL.`);
  }
  chromiumPath();
  await prepareTemplateDatabase();
  ensureAdminBuilt((message) => console.log(`› ${message}`));
}
