import { type INestApplicationContext } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

import { getConfig } from '@app/config';
import { closeApiApp, createTestDatabase, overrideEnv, type TestDatabase } from '@app/testing';

import { createApiApp } from '@apps/api';
import { createWorkerApp, WorkerHealthServer } from '@apps/worker';

jest.setTimeout(30_000);

describe('health (api and worker)', () => {
  let database: TestDatabase;
  let restoreEnv: () => void;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    restoreEnv = overrideEnv({
      DATABASE_URL: database.url,
      API_PORT: '0',
      WORKER_HEALTH_PORT: '0',
      LOG_LEVEL: 'error',
    });
    api = await createApiApp(getConfig());
    await api.listen(0, '127.0.0.1');
    worker = await createWorkerApp(getConfig());
  });

  afterAll(async () => {
    // The worker first: its jobs use the database dropped below.
    await worker?.close();
    await closeApiApp(api);
    restoreEnv();
    await database?.drop();
  });

  it('GET /api/health reports Postgres and Redis', async () => {
    const response = await fetch(`${await api.getUrl()}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { ok: boolean }>;
    };
    expect(body.status).toBe('ok');
    expect(body.checks.postgres?.ok).toBe(true);
    expect(body.checks.redis?.ok).toBe(true);
  });

  it('answers unknown API paths with the error envelope', async () => {
    const response = await fetch(`${await api.getUrl()}/api/does-not-exist`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('the worker serves its own health port', async () => {
    const port = worker.get(WorkerHealthServer).port();
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'worker' });
  });
});
