import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';

import { Role } from '@app/accounts';
import {
  expectEventually,
  sandboxControl,
  seedChannel,
  seedUser,
  startTestStack,
  type TestStack,
} from '@app/testing';

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

  it('answers a 404 envelope, never a stream, for an unknown or another channel’s run', async () => {
    const errorsLogged = jest.spyOn(Logger.prototype, 'error');
    try {
      const openStream = async (id: string, token: string, channelId: string) => {
        const response = await fetch(`${stack.apiUrl}/api/blast-runs/${id}/events`, {
          headers: { authorization: `Bearer ${token}`, 'x-channel-id': channelId },
          signal: AbortSignal.timeout(5_000),
        });
        return {
          status: response.status,
          contentType: response.headers.get('content-type'),
          body: (await response.json()) as { statusCode: number; code: string },
        };
      };
      const token = await stack.tokenFor(Role.Scheduler);
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const answer = await openStream(randomUUID(), token, stack.channel.id);
        expect(answer).toEqual({
          status: 404,
          contentType: expect.stringContaining('application/json') as unknown,
          body: expect.objectContaining({
            statusCode: 404,
            code: 'blast.run_not_found',
          }) as unknown,
        });
      }

      // A scheduler of this channel and of another asks, in the other one, for a run of this one.
      const runId = await startBlast(stack, blastBody(campaignId, audienceId));
      const other = await seedChannel(stack.api, { name: 'Another channel' });
      const both = await seedUser(stack.api, {
        memberships: [
          { channelId: stack.channel.id, role: Role.Scheduler },
          { channelId: other.id, role: Role.Scheduler },
        ],
      });
      const login = await stack.call<{ token: string }>(null, 'POST', '/api/auth/login', {
        email: both.email,
        password: both.password,
      });
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const answer = await openStream(runId, login.body.token, other.id);
        expect(answer.status).toBe(404);
        expect(answer.contentType).toContain('application/json');
      }
      // A plain 404: nothing about the missing run is logged as an error.
      const logged = errorsLogged.mock.calls.map((call) => call.map(String).join(' '));
      expect(logged.filter((line) => /not found/i.test(line))).toEqual([]);
    } finally {
      errorsLogged.mockRestore();
    }
  });
});
