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

jest.setTimeout(120_000);

describe('blasts: send to friends, progress stream', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let audienceId: string;
  let campaignId: string;

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    users = await seedRecipients(stack, 12);
    audienceId = await everyoneAudience(stack);
    campaignId = await publishedCampaign(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('sends from one account to its friends, five per call, with per-recipient results', async () => {
    const [sender, ...others] = users;
    // Everyone but the last is the sender's friend: the last one fails with -502.
    for (const friend of others.slice(0, -1)) {
      await sandboxControl(
        stack.sandboxUrl,
        'POST',
        `apps/${stack.sandboxApp.app_id}/friendships`,
        {
          user_id: sender.user_id,
          friend_user_id: friend.user_id,
        },
      );
    }
    const recipients = await stack.call<{ id: string; kakaoUserId: string }[]>(
      Role.Scheduler,
      'GET',
      '/api/recipients?range=[0,99]',
    );
    const senderId = recipients.body.find((r) => r.kakaoUserId === String(sender.user_id))!.id;
    const runId = await startBlast(
      stack,
      blastBody(campaignId, audienceId, { deliveryMode: 'friends', senderRecipientId: senderId }),
    );
    await expectEventually(async () =>
      expect((await progressOf(stack, runId)).state).toBe('completed'),
    );
    const progress = await progressOf(stack, runId);
    // The sender is in the audience too but is not their own friend.
    expect(progress.counts.sent).toBe(10);
    expect(progress.counts.failed).toBe(2);
    const failed = await stack.call<{ kakaoCode: number }[]>(
      Role.Scheduler,
      'GET',
      `/api/blast-runs/${runId}/deliveries?range=[0,9]&filter=${encodeURIComponent('{"state":"failed"}')}`,
    );
    expect(failed.body.every((row) => row.kakaoCode === -502)).toBe(true);
    const counts = await inboxCounts(stack, others.slice(0, -1));
    expect(counts.every((count) => count === 1)).toBe(true);
  });

  it('streams progress as server-sent events until the run ends', async () => {
    const runId = await startBlast(stack, blastBody(campaignId, audienceId, { ratePerSecond: 10 }));
    const response = await fetch(`${stack.apiUrl}/api/blast-runs/${runId}/events`, {
      headers: {
        authorization: `Bearer ${await stack.tokenFor(Role.Scheduler)}`,
        'x-channel-id': stack.channel.id,
      },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text();
    const events = text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { state: string; percent: number });
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)).toMatchObject({ state: 'completed', percent: 100 });
  });
});
