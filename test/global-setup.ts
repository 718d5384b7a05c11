import { isRedisReachable } from '@app/jobs';
import { prepareTemplateDatabase } from '@app/testing';

/** Runs once before the int and e2e projects: checks the services and migrates the template. */
export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await isRedisReachable(redisUrl))) {
    throw new Error(
      `Redis does not answer at ${redisUrl}. Start it (e.g. "redis-server --daemonize yes ` +
        "--bind 127.0.0.1 --port 6379 --save '' --appendonly no\") or set REDIS_URL.",
    );
  }
  await prepareTemplateDatabase();
}
