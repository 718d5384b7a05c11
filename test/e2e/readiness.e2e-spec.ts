import { Client } from 'pg';

import { ReadinessService } from '@app/jobs';
import {
  expectEventually,
  type PrivatePostgres,
  startPrivatePostgres,
  startTestStack,
  type TestStack,
} from '@app/testing';

import { WorkerHealthServer } from '@apps/worker';

jest.setTimeout(120_000);

interface ProbeAnswer {
  status: number;
  body: { status: string; checks: Record<string, { ok: boolean; error?: string }> };
}

async function probe(url: string): Promise<ProbeAnswer> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as ProbeAnswer['body'] };
}

describe('liveness and readiness (api and worker)', () => {
  let postgres: PrivatePostgres;
  let stack: TestStack;
  let apiReady: string;
  let apiLive: string;
  let workerReady: string;
  let workerLive: string;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    stack = await startTestStack({ postgresUrl: postgres.url });
    const workerPort = stack.worker!.get(WorkerHealthServer).port();
    apiReady = `${stack.apiUrl}/api/health/ready`;
    apiLive = `${stack.apiUrl}/api/health/live`;
    workerReady = `http://127.0.0.1:${workerPort}/health/ready`;
    workerLive = `http://127.0.0.1:${workerPort}/health/live`;
  });

  afterAll(async () => {
    await stack?.close();
    await postgres?.stop();
  });

  it('is ready when Postgres, Redis and the schema are', async () => {
    for (const url of [apiReady, workerReady]) {
      const answer = await probe(url);
      expect(answer).toMatchObject({ status: 200, body: { status: 'ready' } });
      expect(Object.keys(answer.body.checks).sort()).toEqual(['postgres', 'redis', 'schema']);
    }
  });

  it('turns not ready while a migration runs or one is pending, and back', async () => {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      // The lock the migration runner takes: held means another process is migrating.
      await client.query('SELECT pg_advisory_lock(7412011)');
      for (const url of [apiReady, workerReady]) {
        expect(await probe(url)).toMatchObject({
          status: 503,
          body: { checks: { schema: { ok: false, error: 'migrations are running' } } },
        });
      }
      await client.query('SELECT pg_advisory_unlock(7412011)');
      const [last] = (
        await client.query<{ id: number; timestamp: string; name: string }>(
          'DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations) RETURNING *',
        )
      ).rows;
      expect((await probe(apiReady)).body.checks.schema).toMatchObject({
        ok: false,
        error: '1 migrations pending',
      });
      await client.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        last.id,
        last.timestamp,
        last.name,
      ]);
      expect((await probe(apiReady)).status).toBe(200);
    } finally {
      await client.end();
    }
  });

  it('turns not ready while Postgres is down, stays live, and recovers', async () => {
    const restarting = postgres.restart(6_000);
    try {
      await expectEventually(
        async () => {
          for (const url of [apiReady, workerReady]) {
            expect(await probe(url)).toMatchObject({
              status: 503,
              body: { status: 'unavailable', checks: { postgres: { ok: false } } },
            });
          }
        },
        { timeoutMs: 5_000, intervalMs: 100 },
      );
      // Liveness never looks at dependencies: an outage must not restart every pod.
      expect((await probe(apiLive)).status).toBe(200);
      expect((await probe(workerLive)).status).toBe(200);
    } finally {
      await restarting;
    }
    await expectEventually(
      async () => {
        expect((await probe(apiReady)).status).toBe(200);
        expect((await probe(workerReady)).status).toBe(200);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  it('turns not ready once shutdown begins', async () => {
    stack.api.get(ReadinessService).markShuttingDown();
    expect(await probe(apiReady)).toMatchObject({
      status: 503,
      body: { checks: { process: { ok: false, error: 'shutting down' } } },
    });
    expect((await probe(apiLive)).status).toBe(200);
  });
});
