import { Role } from '@app/accounts';
import { startTestStack, type TestStack } from '@app/testing';

import {
  allRecipients,
  ingest,
  ingestItemOf,
  ingestKey,
  recipientCount,
  sandboxUsers,
  type SandboxUser,
} from './recipient-fixtures';

jest.setTimeout(60_000);

describe('ingest API: the channel backend registers its Kakao users', () => {
  let stack: TestStack;
  let key: string;
  let users: SandboxUser[];

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    key = await ingestKey(stack);
    users = await sandboxUsers(stack, 8);
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('keys', () => {
    it('shows a new key once; lists keep only its prefix', async () => {
      const created = await stack.call<{ id: string; key: string; keyPrefix: string }>(
        Role.Admin,
        'POST',
        `/api/channels/${stack.channel.id}/ingest-keys`,
        { name: 'shop backend' },
      );
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^kcci_[A-Za-z0-9_-]{43}$/);
      expect(created.body.key.startsWith(created.body.keyPrefix)).toBe(true);
      const list = await stack.call<Record<string, unknown>[]>(
        Role.Admin,
        'GET',
        `/api/channels/${stack.channel.id}/ingest-keys`,
      );
      expect(list.body.find((entry) => entry.id === created.body.id)).toMatchObject({
        name: 'shop backend',
        keyPrefix: created.body.keyPrefix,
        revokedAt: null,
      });
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    });

    it('lets only admins manage keys', async () => {
      for (const role of [Role.Scheduler, Role.Manager, Role.Marketer]) {
        const answer = await stack.call(
          role,
          'POST',
          `/api/channels/${stack.channel.id}/ingest-keys`,
          {
            name: 'nope',
          },
        );
        expect(answer.status).toBe(403);
      }
    });

    it('stops a revoked key at once', async () => {
      const created = await stack.call<{ id: string; key: string }>(
        Role.Admin,
        'POST',
        `/api/channels/${stack.channel.id}/ingest-keys`,
        { name: 'temporary' },
      );
      expect((await ingest(stack, created.body.key, [ingestItemOf(users[7])])).status).toBe(200);
      const revoked = await stack.call<{ revokedAt: string | null }>(
        Role.Admin,
        'DELETE',
        `/api/channels/${stack.channel.id}/ingest-keys/${created.body.id}`,
      );
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const refused = await ingest<{ code: string }>(stack, created.body.key, [
        ingestItemOf(users[7]),
      ]);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('recipient.ingest_key_invalid');
    });

    it('answers 401 without a key or with a wrong one', async () => {
      expect((await ingest(stack, null, [ingestItemOf(users[0])])).status).toBe(401);
      expect((await ingest(stack, `kcci_${'A'.repeat(43)}`, [ingestItemOf(users[0])])).status).toBe(
        401,
      );
      expect((await ingest(stack, 'garbage', [ingestItemOf(users[0])])).status).toBe(401);
    });
  });

  it('registers good items with sealed tokens, tags and attributes', async () => {
    const answer = await ingest<{
      received: number;
      created: number;
      recipients: { id: string }[];
    }>(stack, key, [
      ingestItemOf(users[0], {
        nickname: '지훈',
        timeZone: 'asia/seoul',
        tags: ['vip', 'seoul', 'vip'],
        attributes: { city: 'Seoul', age: 31 },
      }),
      ingestItemOf(users[1], { scopes: ['talk_calendar'] }),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ received: 2, created: 2, updated: 0 });
    const stored = await allRecipients(stack);
    const first = stored.find((recipient) => recipient.kakaoUserId === String(users[0].user_id));
    expect(first).toMatchObject({
      nickname: '지훈',
      timeZone: 'Asia/Seoul',
      tags: ['seoul', 'vip'],
      attributes: { city: 'Seoul', age: 31 },
      kakaoUuid: users[0].uuid,
      consentState: 'active',
      source: 'ingest',
      hasAccessToken: true,
      hasRefreshToken: true,
    });
    // A token without talk_message cannot be used for messages: recorded, not silently kept.
    expect(
      stored.find((recipient) => recipient.kakaoUserId === String(users[1].user_id)),
    ).toMatchObject({ consentState: 'needs_consent', consentReason: 'missing_scope:talk_message' });
  });

  it('updates known users: tags replaced, attributes merged, consent restored', async () => {
    const answer = await ingest<{ created: number; updated: number }>(stack, key, [
      ingestItemOf(users[0], { tags: ['busan'], attributes: { age: 32, plan: 'gold' } }),
      ingestItemOf(users[1]),
    ]);
    expect(answer.body).toMatchObject({ created: 0, updated: 2 });
    const stored = await allRecipients(stack);
    expect(
      stored.find((recipient) => recipient.kakaoUserId === String(users[0].user_id)),
    ).toMatchObject({
      tags: ['busan'],
      attributes: { city: 'Seoul', age: 32, plan: 'gold' },
      nickname: '지훈',
    });
    expect(
      stored.find((recipient) => recipient.kakaoUserId === String(users[1].user_id)),
    ).toMatchObject({ consentState: 'active', consentReason: null });
  });

  it('stores nothing when any item is bad, and names each bad item', async () => {
    const before = await recipientCount(stack);
    const answer = await ingest<{ code: string; errors: Record<string, string> }>(stack, key, [
      ingestItemOf(users[2]),
      { ...ingestItemOf(users[3]), kakaoUserId: 'abc' },
      { ...ingestItemOf(users[4]), accessToken: undefined },
      ingestItemOf(users[5], { timeZone: 'Mars/Olympus', attributes: { 'bad key': 1 } }),
      { ...ingestItemOf(users[6]), unexpected: true },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_failed');
    expect(Object.keys(answer.body.errors).sort()).toEqual([
      'recipients.1.kakaoUserId',
      'recipients.2.accessToken',
      'recipients.3.attributes',
      'recipients.3.timeZone',
      'recipients.4.unexpected',
    ]);
    expect(await recipientCount(stack)).toBe(before);
  });

  it('refuses the same user twice in one call, and more than 1000 items', async () => {
    const before = await recipientCount(stack);
    const twice = await ingest<{ code: string; errors: Record<string, string> }>(stack, key, [
      ingestItemOf(users[2]),
      ingestItemOf(users[3]),
      ingestItemOf(users[2]),
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({
      code: 'recipient.ingest_invalid',
      errors: { 'recipients.2.kakaoUserId': 'appears twice (also recipients.0)' },
    });
    const many = await ingest<{ errors: Record<string, string> }>(
      stack,
      key,
      Array.from({ length: 1001 }, (_, index) => ({
        kakaoUserId: String(9_000_000 + index),
        accessToken: 'x'.repeat(20),
      })),
    );
    expect(many.status).toBe(400);
    expect(Object.keys(many.body.errors)).toEqual(['recipients']);
    expect(await recipientCount(stack)).toBe(before);
  });

  it('accepts a Kakao id sent as a JSON number when it is exact', async () => {
    const answer = await ingest<{ recipients: { kakaoUserId: string }[] }>(stack, key, [
      { ...ingestItemOf(users[6]), kakaoUserId: users[6].user_id },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.recipients[0].kakaoUserId).toBe(String(users[6].user_id));
  });
});
