import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

import { Role } from '@app/accounts';
import { getConfig } from '@app/config';
import { JobName, queuePrefix, QUEUE_OF_JOB } from '@app/jobs';
import {
  expectEventually,
  type PrivateRedis,
  sandboxControl,
  spawnWorkerProcess,
  startPrivateRedis,
  startTestStack,
  type TestStack,
} from '@app/testing';

import { auditRun, type ChaosRow } from './blast-chaos';
import {
  blastBody,
  everyoneAudience,
  inboxCounts,
  progressOf,
  publishedCampaign,
  seedRecipients,
  startBlast,
} from './blast-fixtures';

// The send pipeline at a realistic size with the default job settings: what a crash leaves
// `unknown` is only what was on the wire, a deploy leaves nothing `unknown`, a dead worker's
// sends resume within seconds, and losing every Redis key loses no run.

jest.setTimeout(600_000);

const SEND_PATH = '/v2/api/talk/memo/default/send';
/** The Kakao client's connection pool, which bounds the calls a worker has on the wire. */
const POOL = 128;

interface KillRow {
  kill: number;
  sentBefore: number;
  sendingLeft: number;
  recoverySeconds: number;
}

const kills: KillRow[] = [];
const audits: ChaosRow[] = [];

afterAll(() => {
  console.table(kills);
  console.table(audits);
  writeFileSync(
    path.join(tmpdir(), 'kcc-blast-chaos-scale.json'),
    JSON.stringify({ kills, audits }, null, 2),
  );
});

async function ledgerCount(stack: TestStack, runId: string, state: string): Promise<number> {
  const [row] = await stack.api
    .get(DataSource)
    .query<{ count: string }[]>(
      `SELECT count(*) AS count FROM blast_deliveries WHERE run_id = $1 AND state = $2`,
      [runId, state],
    );
  return Number(row.count);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('blast pipeline at 10,000 recipients', () => {
  it('leaves only calls on the wire unknown after three kill -9, and resumes within seconds', async () => {
    const stack = await startTestStack({ worker: false });
    try {
      let worker = await spawnWorkerProcess(stack.env);
      const users = await seedRecipients(stack, 10_000);
      const audienceId = await everyoneAudience(stack);
      const campaignId = await publishedCampaign(stack);
      // Slow answers, as over a far network: at the asked rate more calls would be on the wire
      // than the pool holds, so the window is what bounds them.
      await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
        path: SEND_PATH,
        probability: 1,
        delay_ms: 100,
      });
      const runId = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 3_000 }),
      );
      let previousKill = new Date(0);
      for (let kill = 1; kill <= 3; kill += 1) {
        await expectEventually(
          async () => expect(await ledgerCount(stack, runId, 'sent')).toBeGreaterThan(kill * 2000),
          { timeoutMs: 120_000, intervalMs: 100 },
        );
        await sleep(Math.floor(Math.random() * 800));
        await worker.kill();
        const killedAt = Date.now();
        const sentBefore = await ledgerCount(stack, runId, 'sent');
        // Claimed since the last kill: a killed batch's rows stay `sending` until it is taken over.
        const [{ count }] = await stack.api.get(DataSource).query<{ count: string }[]>(
          `SELECT count(*) AS count FROM blast_deliveries
             WHERE run_id = $1 AND state = 'sending' AND updated_at > $2`,
          [runId, previousKill],
        );
        const sendingLeft = Number(count);
        previousKill = new Date(killedAt);
        worker = await spawnWorkerProcess(stack.env);
        await expectEventually(
          async () => expect(await ledgerCount(stack, runId, 'sent')).toBeGreaterThan(sentBefore),
          { timeoutMs: 120_000, intervalMs: 100 },
        );
        kills.push({
          kill,
          sentBefore,
          sendingLeft,
          recoverySeconds: Math.round((Date.now() - killedAt) / 100) / 10,
        });
        expect(sendingLeft).toBeLessThanOrEqual(POOL);
      }
      await expectEventually(
        async () => expect((await progressOf(stack, runId)).state).toBe('completed'),
        { timeoutMs: 300_000, intervalMs: 500 },
      );
      await worker.stop();
      const row = await auditRun(stack, 'kill -9 ×3 at 10,000', runId, users);
      audits.push(row);
      expect(row.duplicates).toBe(0);
      expect(row.silentlySkipped).toBe(0);
      const leftOnTheWire = kills.reduce((sum, entry) => sum + entry.sendingLeft, 0);
      expect(row.unknown).toBeLessThanOrEqual(leftOnTheWire);
      for (const entry of kills) {
        expect(entry.recoverySeconds).toBeLessThan(20);
      }
    } finally {
      await stack.close();
    }
  });

  it('leaves nothing unknown when the worker is stopped with SIGTERM mid-blast', async () => {
    const stack = await startTestStack({ worker: false });
    try {
      let worker = await spawnWorkerProcess(stack.env);
      const users = await seedRecipients(stack, 2_000);
      const audienceId = await everyoneAudience(stack);
      const campaignId = await publishedCampaign(stack);
      await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
        path: SEND_PATH,
        probability: 1,
        delay_ms: 200,
      });
      const runId = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 400 }),
      );
      await expectEventually(
        async () => expect(await ledgerCount(stack, runId, 'sent')).toBeGreaterThan(300),
        { timeoutMs: 120_000, intervalMs: 100 },
      );
      expect(await ledgerCount(stack, runId, 'sending')).toBeGreaterThan(0);
      await worker.stop();
      expect(await ledgerCount(stack, runId, 'sending')).toBe(0);
      expect(await ledgerCount(stack, runId, 'unknown')).toBe(0);
      const pendingAfterStop = await ledgerCount(stack, runId, 'pending');
      expect(pendingAfterStop).toBeGreaterThan(0);

      worker = await spawnWorkerProcess(stack.env);
      await expectEventually(
        async () => expect((await progressOf(stack, runId)).state).toBe('completed'),
        { timeoutMs: 300_000, intervalMs: 500 },
      );
      await worker.stop();
      const row = await auditRun(stack, 'SIGTERM mid-blast', runId, users);
      audits.push(row);
      expect(row).toMatchObject({ unknown: 0, duplicates: 0, silentlySkipped: 0, sent: 2_000 });
    } finally {
      await stack.close();
    }
  });

  it('starts, resumes and finishes every run after Redis loses every key, with the worker running', async () => {
    const redis: PrivateRedis = await startPrivateRedis();
    const stack = await startTestStack({ redisUrl: redis.url });
    const dataSource = stack.api.get(DataSource);
    try {
      const users = await seedRecipients(stack, 600);
      const audienceId = await everyoneAudience(stack);
      const campaignId = await publishedCampaign(stack);

      const sending = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 60 }),
      );
      const paused = await startBlast(
        stack,
        blastBody(campaignId, audienceId, { ratePerSecond: 60 }),
      );
      await expectEventually(async () => {
        expect((await progressOf(stack, sending)).counts.sent).toBeGreaterThan(20);
        expect((await progressOf(stack, paused)).counts.sent).toBeGreaterThan(20);
      });
      // Paused for Kakao's quota, due to probe again in a few seconds.
      await dataSource.query(
        `UPDATE blast_runs SET state = 'paused', pause_reason = 'quota', resume_at = now() + interval '4 seconds' WHERE id = $1`,
        [paused],
      );
      // A run scheduled a few seconds ahead: its start job lives only in Redis until then.
      const nextMinute = new Date(Date.now() + 120_000);
      const at = nextMinute.toLocaleString('sv-SE', { timeZone: 'Asia/Seoul' }).slice(0, 16);
      const scheduled = await startBlast(
        stack,
        blastBody(campaignId, audienceId, {
          ratePerSecond: 200,
          schedule: { kind: 'at', at: at.replace(' ', 'T'), timeZone: 'Asia/Seoul' },
        }),
      );
      await dataSource.query(
        `UPDATE blast_runs SET scheduled_at = now() + interval '6 seconds' WHERE id = $1`,
        [scheduled],
      );
      const [{ due }] = await dataSource.query<{ due: Date }[]>(
        `SELECT scheduled_at AS due FROM blast_runs WHERE id = $1`,
        [scheduled],
      );

      await redis.flushAll();

      await expectEventually(
        async () => {
          for (const runId of [sending, paused, scheduled]) {
            expect((await progressOf(stack, runId)).state).toBe('completed');
          }
        },
        { timeoutMs: 180_000, intervalMs: 500 },
      );
      const [{ started }] = await dataSource.query<{ started: Date }[]>(
        `SELECT started_at AS started FROM blast_runs WHERE id = $1`,
        [scheduled],
      );
      // On time: its start job was rebuilt from Postgres, delayed to its time.
      expect(started.getTime() - due.getTime()).toBeLessThan(5_000);
      expect(started.getTime()).toBeGreaterThanOrEqual(due.getTime() - 50);
      for (const runId of [sending, paused, scheduled]) {
        expect((await progressOf(stack, runId)).counts).toMatchObject({
          sent: 600,
          unknown: 0,
          pending: 0,
          sending: 0,
        });
      }
      // Three runs to the same 600 people: three messages each, none twice per run.
      const inboxes = await inboxCounts(stack, users);
      expect(inboxes.filter((count) => count !== 3)).toEqual([]);
    } finally {
      await stack.close();
      await redis.stop();
    }
  });

  it('keeps a recurring series going after Redis loses its next start', async () => {
    const redis: PrivateRedis = await startPrivateRedis();
    const stack = await startTestStack({ redisUrl: redis.url });
    const dataSource = stack.api.get(DataSource);
    const config = getConfig();
    const queue = new Queue(QUEUE_OF_JOB[JobName.BlastRunStart], {
      connection: { url: redis.url },
      prefix: queuePrefix(config),
    });
    try {
      await seedRecipients(stack, 5);
      const audienceId = await everyoneAudience(stack);
      const campaignId = await publishedCampaign(stack);
      const tomorrow = new Date(Date.now() + 24 * 3600 * 1000)
        .toLocaleString('sv-SE', { timeZone: 'Asia/Seoul' })
        .slice(0, 16)
        .replace(' ', 'T');
      const blast = await stack.call<{ id: string }>(
        Role.Scheduler,
        'POST',
        '/api/blasts',
        blastBody(campaignId, audienceId, {
          schedule: {
            kind: 'recurring',
            at: tomorrow,
            timeZone: 'Asia/Seoul',
            rrule: 'FREQ=DAILY',
          },
        }),
      );
      expect(blast.status).toBe(201);
      const first = await stack.call<{ id: string; scheduledAt: string }>(
        Role.Scheduler,
        'POST',
        `/api/blasts/${blast.body.id}/start`,
      );
      expect(first.status).toBe(202);

      // Redis loses the start job: it comes back, delayed to the run's time.
      await redis.flushAll();
      await expectEventually(async () => {
        const job = await queue.getJob(`blast-${first.body.id}-start`);
        expect(await job?.getState()).toBe('delayed');
      });
      // The run started and ended, but the worker died before it queued the next one.
      await dataSource.query(
        `UPDATE blast_runs SET state = 'completed', started_at = now(), finished_at = now() WHERE id = $1`,
        [first.body.id],
      );
      await expectEventually(
        async () => {
          const runs = await dataSource.query<{ id: string; scheduled_at: Date }[]>(
            `SELECT id, scheduled_at FROM blast_runs WHERE blast_id = $1 AND state = 'pending'`,
            [blast.body.id],
          );
          expect(runs).toHaveLength(1);
          expect(runs[0].scheduled_at.getTime() - new Date(first.body.scheduledAt).getTime()).toBe(
            24 * 3600 * 1000,
          );
          const job = await queue.getJob(`blast-${runs[0].id}-start`);
          expect(await job?.getState()).toBe('delayed');
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    } finally {
      await queue.close();
      await stack.close();
      await redis.stop();
    }
  });
});
