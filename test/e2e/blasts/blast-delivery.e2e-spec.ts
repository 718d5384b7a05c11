import { Role } from '@app/accounts';
import { expectEventually, sandboxControl, startTestStack, type TestStack } from '@app/testing';

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

jest.setTimeout(180_000);

describe('blasts: every recipient exactly once', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let audienceId: string;
  let campaignId: string;

  beforeAll(async () => {
    stack = await startTestStack({
      env: { BLAST_RECONCILE_MS: '500', BLAST_QUOTA_PROBE_MS: '300' },
    });
    users = await seedRecipients(stack, 1000);
    audienceId = await everyoneAudience(stack);
    campaignId = await publishedCampaign(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the estimate before starting', async () => {
    const estimate = await stack.call<{
      recipients: number;
      durationSeconds: number;
      quotaDays: number;
    }>(Role.Scheduler, 'POST', '/api/blasts/estimate', { audienceId, ratePerSecond: 50 });
    expect(estimate.body).toEqual({
      recipients: 1000,
      ratePerSecond: 50,
      durationSeconds: 20,
      quotaDays: 1,
      // Quiet hours are not asked about: no wait.
      quietUntil: null,
      waitSeconds: 0,
    });
  });

  it('reaches 1,000 recipients exactly once, as the ledger says', async () => {
    const runId = await startBlast(stack, blastBody(campaignId, audienceId));
    await expectEventually(
      async () => expect((await progressOf(stack, runId)).state).toBe('completed'),
      {
        timeoutMs: 120_000,
        intervalMs: 500,
      },
    );
    const progress = await progressOf(stack, runId);
    expect(progress.counts).toMatchObject({
      sent: 1000,
      failed: 0,
      unknown: 0,
      pending: 0,
      sending: 0,
      skipped: 0,
    });
    expect(progress.percent).toBe(100);
    const counts = await inboxCounts(stack, users);
    expect(counts.filter((count) => count === 1)).toHaveLength(1000);

    // The message is Kakao's calendar template pointing at the published event.
    const inbox = await sandboxControl<{
      messages: { template: { object_type: string; id_type: string } }[];
    }>(stack.sandboxUrl, 'GET', `users/${users[0].user_id}/messages`);
    expect(inbox.messages[0]?.template).toMatchObject({
      object_type: 'calendar',
      id_type: 'event',
    });

    const ledger = await stack.call<{ state: string }[]>(
      Role.Scheduler,
      'GET',
      `/api/blast-runs/${runId}/deliveries?range=[0,9]&filter=${encodeURIComponent('{"state":"sent"}')}`,
    );
    expect(ledger.headers.get('content-range')).toBe('deliveries 0-9/1000');
  });
});
