import { Role } from '@app/accounts';
import { AudiencesService } from '@app/audiences';
import { RecipientsService } from '@app/recipients';
import { expectEventually, sandboxControl, startTestStack, type TestStack } from '@app/testing';

import {
  ingest,
  ingestItemOf,
  ingestKey,
  sandboxUsers,
  type SandboxUser,
  withDb,
} from './audience-fixtures';

jest.setTimeout(180_000);

const DAY = 86_400_000;
const TAGS = ['vip', 'seoul', 'busan', 'popup', 'newsletter'];
const CITIES = ['Seoul', 'Busan', 'Incheon', 'Daegu'];

/** A recipient as the brute-force evaluator sees it, read straight from Postgres. */
interface Row {
  id: string;
  tags: string[];
  attributes: Record<string, string | number | boolean>;
  consentState: string;
  channelRelation: string;
  lastDeliveredAt: Date | null;
  optedInAt: Date;
}

type Node =
  | { combinator: 'and' | 'or'; children: Node[] }
  | { field: string; operator: string; value?: unknown };

/** An independent reading of the rule language, evaluated in JavaScript row by row. */
function matches(node: Node, row: Row, now: number): boolean {
  if ('children' in node) {
    return node.combinator === 'and'
      ? node.children.every((child) => matches(child, row, now))
      : node.children.some((child) => matches(child, row, now));
  }
  const { field, operator, value } = node;
  if (field === 'tags') {
    const wanted = value as string[];
    if (operator === 'hasAny') {
      return wanted.some((tag) => row.tags.includes(tag));
    }
    if (operator === 'hasAll') {
      return wanted.every((tag) => row.tags.includes(tag));
    }
    return !wanted.some((tag) => row.tags.includes(tag));
  }
  if (field.startsWith('attributes.')) {
    const key = field.slice('attributes.'.length);
    const present = Object.prototype.hasOwnProperty.call(row.attributes, key);
    const actual = row.attributes[key];
    switch (operator) {
      case 'eq':
        return present && actual === value;
      case 'neq':
        return !(present && actual === value);
      case 'in':
        return present && (value as unknown[]).includes(actual);
      case 'contains':
        return (
          typeof actual === 'string' && actual.toLowerCase().includes(String(value).toLowerCase())
        );
      case 'gt':
      case 'lt': {
        if (typeof value === 'number' ? typeof actual !== 'number' : typeof actual !== 'string') {
          return false;
        }
        return operator === 'gt'
          ? actual > (value as number | string)
          : actual < (value as number | string);
      }
      case 'exists':
        return value === false ? !present : present;
    }
  }
  if (field === 'consentState' || field === 'channelRelation') {
    const actual = field === 'consentState' ? row.consentState : row.channelRelation;
    const list = Array.isArray(value) ? value : [value];
    return operator === 'neq' ? !list.includes(actual) : list.includes(actual);
  }
  const at = field === 'lastDeliveredAt' ? row.lastDeliveredAt : row.optedInAt;
  switch (operator) {
    case 'never':
      return at === null;
    case 'before':
      return at !== null && at.getTime() < Date.parse(value as string);
    case 'after':
      return at !== null && at.getTime() > Date.parse(value as string);
    case 'withinDays':
      return at !== null && at.getTime() >= now - (value as number) * DAY;
    case 'notWithinDays':
      return at === null || at.getTime() < now - (value as number) * DAY;
  }
  throw new Error(`unknown rule ${JSON.stringify(node)}`);
}

describe('audiences: rules compiled to SQL agree with a brute-force count over 1,000 recipients', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let rows: Row[];
  let audiences: AudiencesService;
  const idByIndex: string[] = [];

  async function loadRows(): Promise<Row[]> {
    return withDb(stack, async (client) => {
      const result = await client.query<{
        id: string;
        tags: string[];
        attributes: Record<string, string | number | boolean>;
        consent_state: string;
        channel_relation: string;
        last_delivered_at: Date | null;
        opted_in_at: Date;
      }>(
        `SELECT id, tags, attributes, consent_state, channel_relation, last_delivered_at, opted_in_at
           FROM recipients WHERE channel_id = $1`,
        [stack.channel.id],
      );
      return result.rows.map((row) => ({
        id: row.id,
        tags: row.tags,
        attributes: row.attributes,
        consentState: row.consent_state,
        channelRelation: row.channel_relation,
        lastDeliveredAt: row.last_delivered_at,
        optedInAt: row.opted_in_at,
      }));
    });
  }

  function bruteForce(
    rules: Node,
    exclude?: (row: Row) => boolean,
  ): { count: number; matching: number; ids: string[] } {
    const now = Date.now();
    const hits = rows.filter((row) => matches(rules, row, now) && !(exclude?.(row) ?? false));
    const active = hits
      .filter((row) => row.consentState === 'active')
      .map((row) => row.id)
      .sort();
    return { count: active.length, matching: hits.length, ids: active };
  }

  beforeAll(async () => {
    stack = await startTestStack();
    audiences = stack.api.get(AudiencesService);
    users = await sandboxUsers(stack, 1000);
    const key = await ingestKey(stack);
    const items = users.map((user, i) => {
      const attributes: Record<string, string | number | boolean> = {
        age: 18 + (i % 50),
        name: `User${i}`,
        score: String(i % 10).padStart(3, '0'),
      };
      if (i % 7 !== 0) {
        attributes.city = CITIES[i % 4]!;
      }
      if (i % 5 === 0) {
        attributes.vip = i % 10 === 0;
      }
      return ingestItemOf(user, {
        tags: TAGS.filter((_, bit) => (i >> bit) & 1),
        attributes,
        // Every 13th token lacks talk_message: needs_consent, never messaged.
        ...(i % 13 === 0 ? { scopes: ['talk_calendar'] } : {}),
      });
    });
    const answer = await ingest<{ recipients: { id: string; kakaoUserId: string }[] }>(
      stack,
      key,
      items,
    );
    expect(answer.status).toBe(200);
    const byKakao = new Map(answer.body.recipients.map((row) => [row.kakaoUserId, row.id]));
    users.forEach((user, i) => {
      idByIndex[i] = byKakao.get(String(user.user_id))!;
    });

    // Deliveries: recent, old, or never.
    const recipients = stack.api.get(RecipientsService);
    await recipients.recordDelivered(
      idByIndex.filter((_, i) => i % 4 === 0),
      new Date(Date.now() - 2 * DAY),
    );
    await recipients.recordDelivered(
      idByIndex.filter((_, i) => i % 4 === 1),
      new Date(Date.now() - 40 * DAY),
    );
    // Opted in long ago (fixture only: the console sets this when consent is given).
    await withDb(stack, (client) =>
      client.query(
        `UPDATE recipients SET opted_in_at = now() - interval '100 days' WHERE id = ANY($1::uuid[])`,
        [idByIndex.filter((_, i) => i % 10 === 3)],
      ),
    );
    // Opt-outs.
    for (const i of [2, 4, 6]) {
      expect(
        (await stack.call(Role.Scheduler, 'DELETE', `/api/recipients/${idByIndex[i]}`)).status,
      ).toBe(200);
    }
    // Channel relations in Kakao, then the sync job brings them in.
    for (let i = 0; i < 120; i += 1) {
      await sandboxControl(stack.sandboxUrl, 'POST', `users/${users[i].user_id}/channels`, {
        channel_public_id: stack.channel.channelPublicId,
        relation: i % 3 === 0 ? 'ADDED' : i % 3 === 1 ? 'BLOCKED' : 'NONE',
      });
    }
    expect((await stack.call(Role.Scheduler, 'POST', '/api/recipients/relation-sync')).status).toBe(
      202,
    );
    await expectEventually(
      async () => {
        const unknown = (await loadRows()).filter(
          (row) => row.channelRelation === 'UNKNOWN' && row.consentState !== 'revoked',
        );
        expect(unknown).toHaveLength(0);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    rows = await loadRows();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('fills the relation from Kakao and records each change', async () => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(idByIndex[0])!.channelRelation).toBe('ADDED');
    expect(byId.get(idByIndex[1])!.channelRelation).toBe('BLOCKED');
    expect(byId.get(idByIndex[5])!.channelRelation).toBe('NONE');
    expect(byId.get(idByIndex[500])!.channelRelation).toBe('NONE');
    const changes = await withDb(
      stack,
      async (client) =>
        (
          await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM recipient_relation_changes WHERE channel_id = $1 AND from_relation = 'UNKNOWN'`,
            [stack.channel.id],
          )
        ).rows[0].n,
    );
    expect(Number(changes)).toBe(rows.filter((row) => row.consentState !== 'revoked').length);
  });

  const cases: [string, Node][] = [
    [
      'tags hasAny',
      {
        combinator: 'and',
        children: [{ field: 'tags', operator: 'hasAny', value: ['vip', 'popup'] }],
      },
    ],
    [
      'tags hasAll + number gt',
      {
        combinator: 'and',
        children: [
          { field: 'tags', operator: 'hasAll', value: ['seoul', 'vip'] },
          { field: 'attributes.age', operator: 'gt', value: 30 },
        ],
      },
    ],
    [
      'eq / in / exists / hasNone in nested OR',
      {
        combinator: 'or',
        children: [
          { field: 'attributes.city', operator: 'eq', value: 'Seoul' },
          { field: 'attributes.city', operator: 'in', value: ['Busan', 'Daegu'] },
          {
            combinator: 'and',
            children: [
              { field: 'attributes.vip', operator: 'exists' },
              { field: 'tags', operator: 'hasNone', value: ['newsletter'] },
            ],
          },
        ],
      },
    ],
    [
      'neq keeps missing attributes; contains ignores case',
      {
        combinator: 'and',
        children: [
          { field: 'attributes.city', operator: 'neq', value: 'Seoul' },
          { field: 'attributes.name', operator: 'contains', value: 'USER1' },
        ],
      },
    ],
    [
      'boolean eq',
      { combinator: 'and', children: [{ field: 'attributes.vip', operator: 'eq', value: true }] },
    ],
    [
      'missing attribute',
      {
        combinator: 'and',
        children: [{ field: 'attributes.vip', operator: 'exists', value: false }],
      },
    ],
    [
      'number lt, text gt',
      {
        combinator: 'or',
        children: [
          { field: 'attributes.age', operator: 'lt', value: 20 },
          { field: 'attributes.score', operator: 'gt', value: '007' },
        ],
      },
    ],
    [
      'channel relation',
      {
        combinator: 'or',
        children: [
          { field: 'channelRelation', operator: 'in', value: ['ADDED'] },
          { field: 'channelRelation', operator: 'eq', value: 'BLOCKED' },
        ],
      },
    ],
    [
      'not blocked',
      {
        combinator: 'and',
        children: [{ field: 'channelRelation', operator: 'neq', value: 'BLOCKED' }],
      },
    ],
    [
      'consent needs_consent',
      {
        combinator: 'and',
        children: [{ field: 'consentState', operator: 'eq', value: 'needs_consent' }],
      },
    ],
    [
      'never delivered',
      { combinator: 'and', children: [{ field: 'lastDeliveredAt', operator: 'never' }] },
    ],
    [
      'delivered within 7 days',
      {
        combinator: 'and',
        children: [{ field: 'lastDeliveredAt', operator: 'withinDays', value: 7 }],
      },
    ],
    [
      'not delivered within 30 days',
      {
        combinator: 'and',
        children: [{ field: 'lastDeliveredAt', operator: 'notWithinDays', value: 30 }],
      },
    ],
    [
      'delivered before / after',
      {
        combinator: 'or',
        children: [
          {
            field: 'lastDeliveredAt',
            operator: 'before',
            value: new Date(Date.now() - 20 * DAY).toISOString(),
          },
          {
            field: 'lastDeliveredAt',
            operator: 'after',
            value: new Date(Date.now() - DAY).toISOString(),
          },
        ],
      },
    ],
    [
      'opted in within 30 days, or before 50 days ago',
      {
        combinator: 'or',
        children: [
          { field: 'optedInAt', operator: 'withinDays', value: 30 },
          {
            field: 'optedInAt',
            operator: 'before',
            value: new Date(Date.now() - 50 * DAY).toISOString(),
          },
        ],
      },
    ],
    [
      'three levels deep',
      {
        combinator: 'and',
        children: [
          { field: 'tags', operator: 'hasAny', value: ['seoul', 'busan'] },
          {
            combinator: 'or',
            children: [
              { field: 'attributes.age', operator: 'gt', value: 50 },
              {
                combinator: 'and',
                children: [
                  { field: 'lastDeliveredAt', operator: 'notWithinDays', value: 30 },
                  { field: 'channelRelation', operator: 'neq', value: 'BLOCKED' },
                ],
              },
            ],
          },
        ],
      },
    ],
  ];

  it.each(cases)(
    'previews %s with the brute-force counts and a sample of them',
    async (_name, rules) => {
      const expected = bruteForce(rules);
      expect(expected.matching).toBeGreaterThan(0);
      const preview = await stack.call<{
        count: number;
        matching: number;
        sample: { id: string }[];
      }>(Role.Manager, 'POST', '/api/audiences/preview', { rules });
      expect(preview.status).toBe(200);
      expect({ count: preview.body.count, matching: preview.body.matching }).toEqual({
        count: expected.count,
        matching: expected.matching,
      });
      expect(preview.body.sample.map((recipient) => recipient.id)).toEqual(
        expected.ids.slice(0, 10),
      );
      expect(JSON.stringify(preview.body.sample)).not.toMatch(/"accessToken"|"refreshToken"/);
    },
  );

  it('subtracts excluded audiences (dynamic and static) and rule groups', async () => {
    const vipRules: Node = {
      combinator: 'and',
      children: [{ field: 'tags', operator: 'hasAny', value: ['vip'] }],
    };
    const vips = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
      name: 'VIPs',
      kind: 'dynamic',
      rules: vipRules,
    });
    expect(vips.status).toBe(201);
    const listed = idByIndex.filter((_, i) => i % 9 === 0);
    const list = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
      name: 'Complained',
      kind: 'static',
    });
    const added = await stack.call<{ changed: number; unknown: string[] }>(
      Role.Scheduler,
      'POST',
      `/api/audiences/${list.body.id}/members`,
      {
        recipientIds: listed.slice(0, 50),
        kakaoUserIds: [
          ...listed.slice(50).map((id) => String(users[idByIndex.indexOf(id)].user_id)),
          '999',
        ],
      },
    );
    expect(added.body).toEqual({ changed: listed.length, unknown: ['999'] });

    const seoulRules: Node = {
      combinator: 'and',
      children: [{ field: 'attributes.city', operator: 'eq', value: 'Seoul' }],
    };
    const young: Node = {
      combinator: 'and',
      children: [{ field: 'attributes.age', operator: 'lt', value: 25 }],
    };
    const seoul = await stack.call<{ id: string; version: number }>(
      Role.Scheduler,
      'POST',
      '/api/audiences',
      {
        name: 'Seoul, not VIP, not complained, not young',
        kind: 'dynamic',
        rules: seoulRules,
        exclude: { audienceIds: [vips.body.id, list.body.id], rules: young },
      },
    );
    expect(seoul.status).toBe(201);

    const now = Date.now();
    const listedSet = new Set(listed);
    const expected = bruteForce(
      seoulRules,
      (row) => matches(vipRules, row, now) || listedSet.has(row.id) || matches(young, row, now),
    );
    expect(expected.count).toBeGreaterThan(50);
    const size = await stack.call<{ count: number; matching: number }>(
      Role.Manager,
      'GET',
      `/api/audiences/${seoul.body.id}/size`,
    );
    expect(size.body).toEqual({ count: expected.count, matching: expected.matching });
    expect(await audiences.count(stack.channel.id, seoul.body.id)).toBe(expected.count);

    // The walk the blast engine does: pages of 100, ascending, each member exactly once.
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: string[] = await audiences.recipientPage(
        stack.channel.id,
        seoul.body.id,
        after,
        100,
      );
      if (page.length === 0) {
        break;
      }
      expect(page.length).toBeLessThanOrEqual(100);
      walked.push(...page);
      after = page[page.length - 1]!;
    }
    expect(walked).toEqual([...walked].sort());
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(expected.ids);

    // The static list walks too, active members only.
    const listWalk = await audiences.recipientPage(stack.channel.id, list.body.id, null, 1000);
    const activeListed = rows
      .filter((row) => listedSet.has(row.id) && row.consentState === 'active')
      .map((row) => row.id)
      .sort();
    expect(listWalk).toEqual(activeListed);

    // Exclusions may not loop, and an excluded audience cannot be deleted.
    const current = await stack.call<{ version: number }>(
      Role.Scheduler,
      'GET',
      `/api/audiences/${vips.body.id}`,
    );
    const loop = await stack.call<{ errors: Record<string, string> }>(
      Role.Scheduler,
      'PUT',
      `/api/audiences/${vips.body.id}`,
      { version: current.body.version, exclude: { audienceIds: [seoul.body.id] } },
    );
    expect(loop.status).toBe(400);
    expect(loop.body.errors['exclude.audienceIds']).toContain('cycle');
    const remove = await stack.call<{ code: string }>(
      Role.Scheduler,
      'DELETE',
      `/api/audiences/${vips.body.id}`,
    );
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('audience.in_use');
  });

  it('fills a static list from a streamed CSV of Kakao user ids', async () => {
    const list = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
      name: 'From CSV',
      kind: 'static',
    });
    const picked = users.slice(100, 400);
    const csv = [
      'nickname,kakao_user_id',
      ...picked.map((user) => `x,${user.user_id}`),
      'y,42',
      'z,oops',
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'list.csv');
    const response = await fetch(`${stack.apiUrl}/api/audiences/${list.body.id}/imports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.tokenFor(Role.Scheduler)}`,
        'x-channel-id': stack.channel.id,
      },
      body: form,
    });
    expect(response.status).toBe(202);
    const created = (await response.json()) as { id: string; kind: string; targetId: string };
    expect(created).toMatchObject({ kind: 'audience_members', targetId: list.body.id });
    await expectEventually(async () => {
      const state = await stack.call<{ state: string; rowsApplied: number; rowsRejected: number }>(
        Role.Manager,
        'GET',
        `/api/recipients/imports/${created.id}`,
      );
      expect(state.body).toMatchObject({ state: 'completed', rowsApplied: 300, rowsRejected: 2 });
    });
    const pickedIds = new Set(picked.map((user) => idByIndex[users.indexOf(user)]));
    const active = rows.filter(
      (row) => pickedIds.has(row.id) && row.consentState === 'active',
    ).length;
    expect(await audiences.count(stack.channel.id, list.body.id)).toBe(active);
    const size = await stack.call<{ matching: number }>(
      Role.Manager,
      'GET',
      `/api/audiences/${list.body.id}/size`,
    );
    expect(size.body.matching).toBe(300);
  });

  it('names the path of every rule problem in a 400', async () => {
    const answer = await stack.call<{ code: string; errors: Record<string, string> }>(
      Role.Scheduler,
      'POST',
      '/api/audiences',
      {
        name: 'Broken',
        kind: 'dynamic',
        rules: {
          combinator: 'and',
          children: [
            { field: 'tags', operator: 'hasAny', value: ['vip'] },
            { field: 'tags', operator: 'like', value: ['vip'] },
            { combinator: 'or', children: [{ field: 'phone', operator: 'eq', value: '1' }] },
          ],
        },
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('audience.invalid');
    expect(answer.body.errors).toEqual({
      'rules.children[1].operator': 'unknown operator for tags; use one of hasAny, hasAll, hasNone',
      'rules.children[2].children[0].field': expect.stringContaining('unknown field'),
    });
    const preview = await stack.call<{ errors: Record<string, string> }>(
      Role.Manager,
      'POST',
      '/api/audiences/preview',
      {
        rules: {
          combinator: 'and',
          children: [{ field: 'lastDeliveredAt', operator: 'withinDays', value: -1 }],
        },
      },
    );
    expect(preview.status).toBe(400);
    expect(Object.keys(preview.body.errors)).toEqual(['rules.children[0].value']);
  });
});
