import { randomUUID } from 'node:crypto';

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

interface DeliveryBody {
  id: string;
  runId: string;
  runScheduledAt: string;
  runState: string;
  blastId: string;
  blastName: string;
  state: string;
  attempts: number;
  kakaoCode: number | null;
  reason: string | null;
  sentAt: string | null;
  updatedAt: string;
}

describe('a recipient’s deliveries: every run of every blast, a page at a time', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let strangerId: string;
  let firstRun: string;
  let secondRun: string;

  const deliveriesOf = (id: string, query = '', role: Role = Role.Manager) =>
    stack.call<DeliveryBody[]>(role, 'GET', `/api/recipients/${id}/deliveries${query}`);

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    users = await seedRecipients(stack, 3);
    const audienceId = await everyoneAudience(stack);
    const campaignId = await publishedCampaign(stack);
    const [sender, friend, stranger] = users;
    await sandboxControl(stack.sandboxUrl, 'POST', `apps/${stack.sandboxApp.app_id}/friendships`, {
      user_id: sender.user_id,
      friend_user_id: friend.user_id,
    });
    const recipients = await stack.call<{ id: string; kakaoUserId: string }[]>(
      Role.Scheduler,
      'GET',
      '/api/recipients?range=[0,9]',
    );
    const idOf = (user: SandboxUser) =>
      recipients.body.find((recipient) => recipient.kakaoUserId === String(user.user_id))!.id;
    strangerId = idOf(stranger);

    const finish = async (runId: string) =>
      expectEventually(async () =>
        expect((await progressOf(stack, runId)).state).toBe('completed'),
      );
    firstRun = await startBlast(stack, blastBody(campaignId, audienceId, { name: 'To everyone' }));
    await finish(firstRun);
    // Friends mode: the stranger is not the sender's friend, so Kakao refuses it (-502).
    secondRun = await startBlast(
      stack,
      blastBody(campaignId, audienceId, {
        name: 'To friends',
        deliveryMode: 'friends',
        senderRecipientId: idOf(sender),
      }),
    );
    await finish(secondRun);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists them newest first with the blast, the run, the state and Kakao’s answer', async () => {
    const answer = await deliveriesOf(strangerId);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-range')).toBe('deliveries 0-1/2');
    const [refused, sent] = answer.body;
    expect(refused).toMatchObject({
      runId: secondRun,
      runState: 'completed',
      blastName: 'To friends',
      state: 'failed',
      kakaoCode: -502,
      sentAt: null,
    });
    expect(refused.reason).toEqual(expect.any(String));
    expect(sent).toMatchObject({
      runId: firstRun,
      runState: 'completed',
      blastName: 'To everyone',
      state: 'sent',
      kakaoCode: null,
    });
    expect(Date.parse(sent.sentAt!)).not.toBeNaN();
    expect(Date.parse(sent.runScheduledAt)).not.toBeNaN();

    // The detail shows the same latest deliveries.
    const detail = await stack.call<{ deliveries: { id: string }[] }>(
      Role.Manager,
      'GET',
      `/api/recipients/${strangerId}`,
    );
    expect(detail.body.deliveries.map((row) => row.id)).toEqual(answer.body.map((row) => row.id));
  });

  it('pages, sorts and filters in the list format of the console', async () => {
    const second = await deliveriesOf(strangerId, '?range=[1,1]');
    expect(second.headers.get('content-range')).toBe('deliveries 1-1/2');
    expect(second.body.map((row) => row.blastName)).toEqual(['To everyone']);

    const oldestFirst = await deliveriesOf(
      strangerId,
      `?sort=${encodeURIComponent('["id","ASC"]')}`,
    );
    expect(oldestFirst.body.map((row) => row.blastName)).toEqual(['To everyone', 'To friends']);

    const failed = await deliveriesOf(
      strangerId,
      `?filter=${encodeURIComponent('{"state":"failed"}')}`,
    );
    expect(failed.headers.get('content-range')).toBe('deliveries 0-0/1');
    expect(failed.body.map((row) => row.state)).toEqual(['failed']);

    const none = await deliveriesOf(
      strangerId,
      `?filter=${encodeURIComponent('{"state":"unknown"}')}`,
    );
    expect(none.headers.get('content-range')).toBe('deliveries */0');
    expect(none.body).toEqual([]);
  });

  it('refuses unknown filters and states, unknown recipients and marketers', async () => {
    const badState = await stack.call<{ code: string; errors: Record<string, string> }>(
      Role.Manager,
      'GET',
      `/api/recipients/${strangerId}/deliveries?filter=${encodeURIComponent('{"state":"lost"}')}`,
    );
    expect(badState.status).toBe(400);
    expect(badState.body.code).toBe('list.invalid_query');
    expect(Object.keys(badState.body.errors)).toEqual(['filter.state']);
    const badFilter = await deliveriesOf(
      strangerId,
      `?filter=${encodeURIComponent('{"blastId":"x"}')}`,
    );
    expect(badFilter.status).toBe(400);

    const unknown = await stack.call<{ code: string }>(
      Role.Manager,
      'GET',
      `/api/recipients/${randomUUID()}/deliveries`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('recipient.not_found');

    expect((await deliveriesOf(strangerId, '', Role.Marketer)).status).toBe(403);
    expect((await deliveriesOf(strangerId, '', Role.Scheduler)).status).toBe(200);
  });
});
