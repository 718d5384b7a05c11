import { DateTime } from 'luxon';

import { Role } from '@app/accounts';
import { expectEventually, setQuietHours, startTestStack, type TestStack } from '@app/testing';

import {
  blastBody,
  everyoneAudience,
  inboxCounts,
  progressOf,
  publishedCampaign,
  type SandboxUser,
  seedRecipients,
  startBlast,
} from './blast-fixtures';

jest.setTimeout(120_000);

/** `HH:mm` in Seoul, `hours` from now. */
function seoulTime(hours: number): string {
  return DateTime.now().setZone('Asia/Seoul').plus({ hours }).toFormat('HH:mm');
}

describe('blasts respect quiet hours', () => {
  let stack: TestStack;
  let users: SandboxUser[];

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    users = await seedRecipients(stack, 20);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('waits while the channel is in quiet hours and sends when they are over', async () => {
    const audienceId = await everyoneAudience(stack);
    const campaignId = await publishedCampaign(stack);
    // Quiet hours start: a window around now in the channel's zone (Asia/Seoul).
    await setQuietHours(stack, seoulTime(-2), seoulTime(2));
    const runId = await startBlast(stack, blastBody(campaignId, audienceId, { quietHours: true }));
    await expectEventually(async () => {
      const progress = await progressOf(stack, runId);
      expect(progress).toMatchObject({ state: 'paused', pauseReason: 'quiet_hours' });
      expect(progress.counts).toMatchObject({ pending: 20, sent: 0 });
    });
    // It resumes by itself when the window ends.
    const paused = await progressOf(stack, runId);
    const resumeAt = DateTime.fromISO(paused.resumeAt ?? '').setZone('Asia/Seoul');
    expect(resumeAt.toFormat('HH:mm')).toBe(seoulTime(2));
    expect((await inboxCounts(stack, users)).every((count) => count === 0)).toBe(true);

    // Quiet hours end (the window moves away from now); the run goes on.
    await setQuietHours(stack, seoulTime(3), seoulTime(4));
    expect(
      (await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/resume`, {})).status,
    ).toBe(200);
    await expectEventually(async () =>
      expect((await progressOf(stack, runId)).state).toBe('completed'),
    );
    expect((await progressOf(stack, runId)).counts.sent).toBe(20);
    expect((await inboxCounts(stack, users)).every((count) => count === 1)).toBe(true);
  });
});
