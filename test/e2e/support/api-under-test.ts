import { type NestFastifyApplication } from '@nestjs/platform-fastify';

import { getConfig } from '@app/config';
import {
  closeApiApp,
  createTestDatabase,
  overrideEnv,
  type TestDatabase,
  uniqueQueuePrefix,
} from '@app/testing';

import { createApiApp } from '@apps/api';

export interface ApiUnderTest {
  app: NestFastifyApplication;
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The API alone (no worker, no sandbox) on a free port, with a database and a Redis key prefix
 * of its own: enough for accounts, channels and audit tests.
 */
export async function startApi(): Promise<ApiUnderTest> {
  const database = await createTestDatabase();
  const restoreEnv = overrideEnv({
    DATABASE_URL: database.url,
    QUEUE_PREFIX: uniqueQueuePrefix(),
    // The tests play clients behind a proxy on this machine.
    TRUST_PROXY: '127.0.0.1',
    API_PORT: '0',
    LOG_LEVEL: 'fatal',
  });
  const app = await createApiApp(getConfig());
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: await app.getUrl(),
    database,
    async close() {
      await closeApiApp(app);
      restoreEnv();
      await database.drop();
    },
  };
}
