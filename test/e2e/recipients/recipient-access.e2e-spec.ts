import { Role } from '@app/accounts';
import { type ChannelEntity } from '@app/channels';
import { IngestKeysService } from '@app/recipients';
import { seedChannel, startTestStack, type TestStack } from '@app/testing';

import {
  ingest,
  ingestItemOf,
  ingestKey,
  type RecipientBody,
  sandboxUsers,
} from './recipient-fixtures';

jest.setTimeout(60_000);

describe('recipients API: roles, channels, edits', () => {
  let stack: TestStack;
  let mine: string;
  let foreign: string;
  let other: ChannelEntity;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    const users = await sandboxUsers(stack, 2);
    const answer = await ingest<{ recipients: { id: string }[] }>(stack, await ingestKey(stack), [
      ingestItemOf(users[0], { tags: ['a'], attributes: { city: 'Seoul' } }),
    ]);
    mine = answer.body.recipients[0].id;
    // A recipient of a channel the test users are not members of.
    other = await seedChannel(stack.api, { name: 'Other channel' });
    const { key } = await stack.api
      .get(IngestKeysService)
      .create({ userId: null, email: null, channelId: other.id, ip: null }, 'other');
    const foreignAnswer = await ingest<{ recipients: { id: string }[] }>(stack, key, [
      ingestItemOf(users[1]),
    ]);
    foreign = foreignAnswer.body.recipients[0].id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lets managers, schedulers and admins read; marketers not', async () => {
    for (const role of [Role.Manager, Role.Scheduler, Role.Admin]) {
      const list = await stack.call<RecipientBody[]>(role, 'GET', '/api/recipients');
      expect(list.status).toBe(200);
      expect(list.headers.get('content-range')).toBe('recipients 0-0/1');
      expect((await stack.call(role, 'GET', `/api/recipients/${mine}`)).status).toBe(200);
    }
    expect((await stack.call(Role.Marketer, 'GET', '/api/recipients')).status).toBe(403);
    expect((await stack.call(Role.Marketer, 'GET', `/api/recipients/${mine}`)).status).toBe(403);
  });

  it('lets schedulers and admins edit and opt out; managers and marketers not', async () => {
    for (const role of [Role.Manager, Role.Marketer]) {
      expect(
        (await stack.call(role, 'PUT', `/api/recipients/${mine}`, { version: 1, tags: [] })).status,
      ).toBe(403);
      expect((await stack.call(role, 'DELETE', `/api/recipients/${mine}`)).status).toBe(403);
      expect((await stack.call(role, 'POST', '/api/recipients/relation-sync')).status).toBe(403);
    }
  });

  it('answers 404 for a recipient of another channel, whatever the verb', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { version: 1, tags: [] }],
      ['DELETE', undefined],
    ] as const) {
      const answer = await stack.call<{ code: string }>(
        Role.Admin,
        method,
        `/api/recipients/${foreign}`,
        body,
      );
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('recipient.not_found');
    }
    const list = await stack.call<RecipientBody[]>(Role.Admin, 'GET', '/api/recipients');
    expect(list.body.map((recipient) => recipient.id)).toEqual([mine]);
    // Naming the other channel in X-Channel-Id is refused outright.
    expect(
      (
        await stack.call(Role.Admin, 'GET', '/api/recipients', undefined, {
          'x-channel-id': other.id,
        })
      ).status,
    ).toBe(403);
  });

  it('edits tags, attributes and time zone under optimistic concurrency, with per-field errors', async () => {
    const current = await stack.call<RecipientBody>(
      Role.Scheduler,
      'GET',
      `/api/recipients/${mine}`,
    );
    const saved = await stack.call<RecipientBody>(
      Role.Scheduler,
      'PUT',
      `/api/recipients/${mine}`,
      {
        version: current.body.version,
        tags: ['vip', ' seoul', 'vip'],
        attributes: { city: 'Busan', age: 40 },
        timeZone: 'asia/tokyo',
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      tags: ['seoul', 'vip'],
      attributes: { city: 'Busan', age: 40 },
      timeZone: 'Asia/Tokyo',
      version: current.body.version + 1,
    });

    const stale = await stack.call<{ code: string }>(
      Role.Scheduler,
      'PUT',
      `/api/recipients/${mine}`,
      {
        version: current.body.version,
        tags: [],
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('recipient.version_conflict');

    const invalid = await stack.call<{ errors: Record<string, string> }>(
      Role.Scheduler,
      'PUT',
      `/api/recipients/${mine}`,
      {
        version: saved.body.version,
        tags: ['a|b'],
        attributes: { 'bad key': 1 },
        timeZone: 'Nowhere/City',
        accessToken: 'x',
      },
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors).sort()).toEqual([
      'accessToken',
      'attributes',
      'tags',
      'timeZone',
    ]);

    const cleared = await stack.call<RecipientBody>(
      Role.Scheduler,
      'PUT',
      `/api/recipients/${mine}`,
      {
        version: saved.body.version,
        timeZone: null,
      },
    );
    expect(cleared.body.timeZone).toBeNull();

    const audit = await stack.call<
      { action: string; before: { tags: string[] }; after: { tags: string[] } }[]
    >(
      Role.Admin,
      'GET',
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: mine, action: 'recipient.update' }))}`,
    );
    expect(
      audit.body.some(
        (entry) => entry.after.tags.includes('vip') && entry.before.tags.includes('a'),
      ),
    ).toBe(true);
  });

  it('filters the list the way ra-data-simple-rest asks', async () => {
    const query = (filter: object) =>
      stack.call<RecipientBody[]>(
        Role.Manager,
        'GET',
        `/api/recipients?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      );
    expect((await query({ tag: 'vip' })).body).toHaveLength(1);
    expect((await query({ tag: ['nope'] })).body).toHaveLength(0);
    expect(
      (await query({ consentState: 'active', channelRelation: ['UNKNOWN'] })).body,
    ).toHaveLength(1);
    expect((await query({ q: 'xyz' })).body).toHaveLength(0);
    const bad = await stack.call<{ errors: Record<string, string> }>(
      Role.Manager,
      'GET',
      `/api/recipients?filter=${encodeURIComponent(JSON.stringify({ consentState: 'maybe' }))}`,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['filter.consentState']);
  });
});
