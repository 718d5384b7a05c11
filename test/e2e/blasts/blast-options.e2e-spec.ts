import { Role } from '@app/accounts';
import { expectEventually, sandboxControl, startTestStack, type TestStack } from '@app/testing';

import {
  blastBody,
  everyoneAudience,
  progressOf,
  publishedCampaign,
  type SandboxUser,
  seedRecipients,
  startBlast,
} from './blast-fixtures';

jest.setTimeout(120_000);

describe('blast options: test send, frequency cap, validation', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let audienceId: string;
  let campaignId: string;

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    users = await seedRecipients(stack, 30);
    audienceId = await everyoneAudience(stack);
    campaignId = await publishedCampaign(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function recipientIdOf(user: SandboxUser): Promise<string> {
    const list = await stack.call<{ id: string; kakaoUserId: string }[]>(
      Role.Scheduler,
      'GET',
      `/api/recipients?range=[0,99]&filter=${encodeURIComponent(JSON.stringify({ q: String(user.user_id) }))}`,
    );
    const found = list.body.find((recipient) => recipient.kakaoUserId === String(user.user_id));
    if (!found) {
      throw new Error(`recipient ${user.user_id} not found`);
    }
    return found.id;
  }

  it('sends a test message to one chosen recipient only', async () => {
    const blast = await stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      '/api/blasts',
      blastBody(campaignId, audienceId),
    );
    const chosen = users[3];
    const answer = await stack.call(
      Role.Scheduler,
      'POST',
      `/api/blasts/${blast.body.id}/test-send`,
      {
        recipientId: await recipientIdOf(chosen),
      },
    );
    expect(answer.status).toBe(200);
    const inbox = await sandboxControl<{ total: number }>(
      stack.sandboxUrl,
      'GET',
      `users/${chosen.user_id}/messages`,
    );
    expect(inbox.total).toBe(1);
    const other = await sandboxControl<{ total: number }>(
      stack.sandboxUrl,
      'GET',
      `users/${users[4].user_id}/messages`,
    );
    expect(other.total).toBe(0);
  });

  it('skips recipients over the frequency cap, with the reason in the ledger', async () => {
    const first = await startBlast(stack, blastBody(campaignId, audienceId));
    await expectEventually(async () =>
      expect((await progressOf(stack, first)).state).toBe('completed'),
    );
    const second = await startBlast(stack, blastBody(campaignId, audienceId, { frequencyCap: 1 }));
    await expectEventually(async () =>
      expect((await progressOf(stack, second)).state).toBe('completed'),
    );
    const progress = await progressOf(stack, second);
    // The test send above already reached users[3]: everyone has one message this week.
    expect(progress.counts).toMatchObject({ sent: 0, skipped: 30 });
    const ledger = await stack.call<{ reason: string }[]>(
      Role.Scheduler,
      'GET',
      `/api/blast-runs/${second}/deliveries?range=[0,0]`,
    );
    expect(ledger.body[0]?.reason).toMatch(/frequency cap/);
  });

  it('rejects a bad blast naming the fields, and marketers may not create one', async () => {
    const bad = await stack.call<{ errors: Record<string, string> }>(
      Role.Scheduler,
      'POST',
      '/api/blasts',
      {
        ...blastBody(campaignId, audienceId),
        message: {
          idType: 'event',
          campaignId,
          webUrl: 'not a url',
          button: { title: 'x'.repeat(20) },
        },
        schedule: { kind: 'at', at: '2001-01-01T10:00', timeZone: 'Asia/Seoul' },
      },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(
      expect.arrayContaining([
        'message.title',
        'message.webUrl',
        'message.button.title',
        'schedule.at',
      ]),
    );
    const denied = await stack.call(
      Role.Marketer,
      'POST',
      '/api/blasts',
      blastBody(campaignId, audienceId),
    );
    expect(denied.status).toBe(403);
  });
});
