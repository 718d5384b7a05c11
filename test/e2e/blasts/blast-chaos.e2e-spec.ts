import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Role } from '@app/accounts';
import {
  expectEventually,
  type PrivatePostgres,
  type PrivateRedis,
  sandboxControl,
  spawnWorkerProcess,
  startPrivatePostgres,
  startPrivateRedis,
  startTestStack,
  type TestStack,
  type WorkerProcess,
} from '@app/testing';

import { auditRun, type ChaosRow } from './blast-chaos';
import {
  blastBody,
  everyoneAudience,
  progressOf,
  publishedCampaign,
  type SandboxUser,
  seedRecipients,
  startBlast,
} from './blast-fixtures';

jest.setTimeout(300_000);

const RECIPIENTS = 400;
const SEND_PATH = '/v2/api/talk/memo/default/send';
const FAST = { BLAST_RECONCILE_MS: '500', BLAST_QUOTA_PROBE_MS: '300' };
const results: ChaosRow[] = [];

async function prepare(
  stack: TestStack,
  count = RECIPIENTS,
): Promise<{ users: SandboxUser[]; audienceId: string; campaignId: string }> {
  const users = await seedRecipients(stack, count);
  return {
    users,
    audienceId: await everyoneAudience(stack),
    campaignId: await publishedCampaign(stack),
  };
}

async function finished(stack: TestStack, runId: string, timeoutMs = 180_000): Promise<void> {
  await expectEventually(
    async () => expect((await progressOf(stack, runId)).state).toBe('completed'),
    {
      timeoutMs,
      intervalMs: 500,
    },
  );
}

function expectClean(row: ChaosRow): void {
  results.push(row);
  expect(row.duplicates).toBe(0);
  expect(row.silentlySkipped).toBe(0);
  expect(row.sent + row.failed + row.unknown + row.skipped).toBe(row.recipients);
}

afterAll(() => {
  // The table for the record (the closing note quotes it).
  console.table(results);
  writeFileSync(path.join(tmpdir(), 'kcc-blast-chaos.json'), JSON.stringify(results, null, 2));
});

describe('blast chaos', () => {
  it('survives the worker killed with SIGKILL at random points, 5 times', async () => {
    const stack = await startTestStack({ worker: false, env: FAST });
    try {
      let worker = await spawnWorkerProcess(stack.env);
      const { users, audienceId, campaignId } = await prepare(stack);
      // Slow answers keep calls in flight when the worker dies.
      await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
        path: SEND_PATH,
        probability: 0.3,
        delay_ms: 150,
      });
      const runId = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 200 }),
      );
      for (let kill = 0; kill < 5; kill += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 700)));
        await worker.kill();
        worker = await spawnWorkerProcess(stack.env);
      }
      await worker.stop();
      await sandboxControl(stack.sandboxUrl, 'DELETE', 'faults');
      const last = await spawnWorkerProcess(stack.env);
      try {
        await finished(stack, runId);
      } finally {
        await last.stop();
      }
      expectClean(await auditRun(stack, 'worker kill -9 ×5', runId, users));
    } finally {
      await stack.close();
    }
  });

  it('rebuilds its queue after Redis loses everything (FLUSHALL)', async () => {
    const redis: PrivateRedis = await startPrivateRedis();
    const stack = await startTestStack({ redisUrl: redis.url, env: FAST });
    try {
      const { users, audienceId, campaignId } = await prepare(stack);
      const runId = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 150 }),
      );
      await expectEventually(async () =>
        expect((await progressOf(stack, runId)).counts.sent).toBeGreaterThan(50),
      );
      await redis.flushAll();
      await finished(stack, runId);
      expectClean(await auditRun(stack, 'Redis FLUSHALL mid-blast', runId, users));
    } finally {
      await stack.close();
      await redis.stop();
    }
  });

  it('carries on after Postgres restarts mid-blast', async () => {
    const postgres: PrivatePostgres = await startPrivatePostgres();
    const stack = await startTestStack({ postgresUrl: postgres.url, env: FAST });
    try {
      const { users, audienceId, campaignId } = await prepare(stack);
      const runId = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 150 }),
      );
      await expectEventually(async () =>
        expect((await progressOf(stack, runId)).counts.sent).toBeGreaterThan(50),
      );
      await postgres.restart(1500);
      await finished(stack, runId);
      expectClean(await auditRun(stack, 'Postgres restart mid-blast', runId, users));
    } finally {
      await stack.close();
      await postgres.stop();
    }
  });

  it('gets through Kakao faults: 20 % 5xx, -1 and latency', async () => {
    const stack = await startTestStack({ env: FAST });
    try {
      const { users, audienceId, campaignId } = await prepare(stack);
      await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
        path: SEND_PATH,
        probability: 0.2,
        status: 503,
        code: -9798,
      });
      await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
        path: SEND_PATH,
        probability: 0.05,
        status: 400,
        code: -1,
      });
      await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
        path: SEND_PATH,
        probability: 0.1,
        delay_ms: 100,
      });
      const runId = await startBlast(stack, blastBody(campaignId, audienceId));
      await finished(stack, runId);
      const row = await auditRun(stack, 'sandbox faults (20 % 5xx, -1, latency)', runId, users);
      expectClean(row);
      expect(row.sent).toBe(RECIPIENTS);
    } finally {
      await stack.close();
    }
  });

  it('pauses on the app daily quota and resumes by itself after the reset', async () => {
    const stack = await startTestStack({
      env: FAST,
      sandboxApp: { quotas: { talk_message_daily: 150 } },
    });
    try {
      const { users, audienceId, campaignId } = await prepare(stack, 300);
      const runId = await startBlast(stack, blastBody(campaignId, audienceId));
      await expectEventually(async () => {
        const progress = await progressOf(stack, runId);
        expect(progress).toMatchObject({ state: 'paused', pauseReason: 'quota' });
        expect(progress.counts.sent).toBe(150);
      });
      // A day later in the sandbox: Kakao's counters reset at midnight KST.
      await sandboxControl(stack.sandboxUrl, 'POST', 'clock', { advance_ms: 24 * 3600 * 1000 });
      await finished(stack, runId);
      const row = await auditRun(stack, 'quota exhaustion and reset', runId, users);
      expectClean(row);
      expect(row.sent).toBe(300);
    } finally {
      await stack.close();
    }
  });

  it('shares one blast between two worker processes', async () => {
    const stack = await startTestStack({ worker: false, env: FAST });
    const workers: WorkerProcess[] = [];
    try {
      workers.push(await spawnWorkerProcess(stack.env), await spawnWorkerProcess(stack.env));
      const { users, audienceId, campaignId } = await prepare(stack);
      const runId = await startBlast(stack, blastBody(campaignId, audienceId));
      await finished(stack, runId);
      const row = await auditRun(stack, 'two workers at once', runId, users);
      expectClean(row);
      expect(row.sent).toBe(RECIPIENTS);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await stack.close();
    }
  });

  it('pauses, resumes and cancels at any moment', async () => {
    const stack = await startTestStack({ env: FAST });
    try {
      const { users, audienceId, campaignId } = await prepare(stack);
      const runId = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 40 }),
      );
      await expectEventually(async () =>
        expect((await progressOf(stack, runId)).counts.sent).toBeGreaterThan(20),
      );
      const paused = await stack.call<{ state: string }>(
        Role.Scheduler,
        'POST',
        `/api/blast-runs/${runId}/pause`,
      );
      expect(paused.body.state).toBe('paused');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const frozen = (await progressOf(stack, runId)).counts.sent;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await progressOf(stack, runId)).counts.sent).toBe(frozen);
      expect(
        (await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/resume`)).status,
      ).toBe(200);
      await expectEventually(async () =>
        expect((await progressOf(stack, runId)).counts.sent).toBeGreaterThan(frozen + 20),
      );
      const cancelled = await stack.call<{ state: string }>(
        Role.Scheduler,
        'POST',
        `/api/blast-runs/${runId}/cancel`,
      );
      expect(cancelled.body.state).toBe('cancelled');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const row = await auditRun(stack, 'pause, resume, cancel', runId, users);
      expect(row.skipped).toBeGreaterThan(0);
      expectClean(row);
    } finally {
      await stack.close();
    }
  });
});
