import { DateTime } from 'luxon';

import { Role } from '@app/accounts';
import { expectEventually, setQuietHours, startTestStack, type TestStack } from '@app/testing';

import {
  blastBody,
  everyoneAudience,
  progressOf,
  publishedCampaign,
  type SandboxUser,
  seedRecipients,
} from './blast-fixtures';

jest.setTimeout(120_000);

interface AuditRow {
  action: string;
  actorEmail: string | null;
  entityType: string;
  entityId: string;
  after: Record<string, unknown> | null;
}

/** `HH:mm` in Seoul, `hours` from now. */
function seoulTime(hours: number): string {
  return DateTime.now().setZone('Asia/Seoul').plus({ hours }).toFormat('HH:mm');
}

describe('blast actions are audited; quiet hours are told before and during a run', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let audienceId: string;
  let campaignId: string;

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    users = await seedRecipients(stack, 4);
    audienceId = await everyoneAudience(stack);
    campaignId = await publishedCampaign(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function auditOf(blastId: string): Promise<AuditRow[]> {
    const filter = encodeURIComponent(JSON.stringify({ entityId: blastId }));
    const answer = await stack.call<AuditRow[]>(
      Role.Manager,
      'GET',
      `/api/audit-log?filter=${filter}&sort=${encodeURIComponent('["at","ASC"]')}&range=${encodeURIComponent('[0,49]')}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.filter((row) => row.entityId === blastId);
  }

  it('records create, test send, start, pause, resume, resend and cancel with the actor', async () => {
    await setQuietHours(stack, seoulTime(3), seoulTime(4));
    const created = await stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      '/api/blasts',
      blastBody(campaignId, audienceId, { ratePerSecond: 1 }),
    );
    expect(created.status).toBe(201);
    const blastId = created.body.id;
    const recipients = await stack.call<{ id: string }[]>(Role.Scheduler, 'GET', '/api/recipients');
    const test = await stack.call(Role.Scheduler, 'POST', `/api/blasts/${blastId}/test-send`, {
      recipientId: recipients.body[0].id,
    });
    expect(test.status).toBe(200);
    const run = await stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      `/api/blasts/${blastId}/start`,
    );
    expect(run.status).toBe(202);
    const runId = run.body.id;
    await expectEventually(async () => expect((await progressOf(stack, runId)).total).toBe(4));
    for (const action of ['pause', 'resume', 'pause']) {
      const answer = await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/${action}`);
      expect(answer.status).toBe(200);
    }
    expect(
      (await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/resend`, {})).status,
    ).toBe(200);
    expect(
      (await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/cancel`)).status,
    ).toBe(200);

    const rows = await auditOf(blastId);
    expect(rows.map((row) => row.action)).toEqual([
      'blast.create',
      'blast.test_send',
      'blast.start',
      'blast.pause',
      'blast.resume',
      'blast.pause',
      'blast.resend',
      'blast.cancel',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        entityType: 'blast',
        actorEmail: stack.emailOf(Role.Scheduler),
      });
    }
    expect(rows[0].after).toMatchObject({ name: 'Spring pop-up blast', audienceId });
    expect(rows[2].after).toMatchObject({ recipients: users.length });
    expect(rows[7].after).toMatchObject({ runId, recipients: users.length });
  });

  it('estimates the quiet-hours wait and refuses to resume a quiet-hours pause early', async () => {
    await setQuietHours(stack, seoulTime(-2), seoulTime(2));
    const estimate = await stack.call<{ quietUntil: string | null; waitSeconds: number }>(
      Role.Scheduler,
      'POST',
      '/api/blasts/estimate',
      { audienceId, ratePerSecond: 10, quietHours: true },
    );
    expect(estimate.status).toBe(200);
    expect(
      DateTime.fromISO(estimate.body.quietUntil ?? '')
        .setZone('Asia/Seoul')
        .toFormat('HH:mm'),
    ).toBe(seoulTime(2));
    expect(estimate.body.waitSeconds).toBeGreaterThan(60 * 60);
    const ignoring = await stack.call<{ quietUntil: string | null; waitSeconds: number }>(
      Role.Scheduler,
      'POST',
      '/api/blasts/estimate',
      { audienceId, ratePerSecond: 10 },
    );
    expect(ignoring.body).toMatchObject({ quietUntil: null, waitSeconds: 0 });

    const created = await stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      '/api/blasts',
      blastBody(campaignId, audienceId, { quietHours: true }),
    );
    const blastId = created.body.id;
    const before = await stack.call<{ quietUntil: string | null }>(
      Role.Scheduler,
      'GET',
      `/api/blasts/${blastId}/estimate`,
    );
    expect(before.status).toBe(200);
    expect(before.body.quietUntil).toBe(estimate.body.quietUntil);

    const run = await stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      `/api/blasts/${blastId}/start`,
    );
    const runId = run.body.id;
    await expectEventually(async () =>
      expect(await progressOf(stack, runId)).toMatchObject({
        state: 'paused',
        pauseReason: 'quiet_hours',
      }),
    );
    const refused = await stack.call<{ details?: { resumeAt?: string } }>(
      Role.Scheduler,
      'POST',
      `/api/blast-runs/${runId}/resume`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.details?.resumeAt).toBe(estimate.body.quietUntil);
    expect((await progressOf(stack, runId)).state).toBe('paused');

    // Once the window is over, a person may resume it.
    await setQuietHours(stack, seoulTime(3), seoulTime(4));
    expect(
      (await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/resume`)).status,
    ).toBe(200);
    await expectEventually(async () =>
      expect((await progressOf(stack, runId)).state).toBe('completed'),
    );
  });
});
