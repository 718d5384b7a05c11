import { Role } from '@app/accounts';
import { startTestStack, type TestStack } from '@app/testing';

import {
  blastBody,
  everyoneAudience,
  publishedCampaign,
  seedRecipients,
  startBlast,
} from './blasts/blast-fixtures';

jest.setTimeout(120_000);

interface ErrorBody {
  statusCode: number;
  code: string;
  errors?: Record<string, string>;
}

interface ListRoute {
  name: string;
  path: () => string;
  /** A declared filter that takes text, checked for NUL and lone surrogates. */
  textKey?: string;
  /** Declared filters that take a list, where `[]` must be refused. */
  listKeys: string[];
}

/**
 * Every list route of the API takes the same `sort`, `range` and `filter` parameters, validated
 * in one place: bad input answers 400 naming the parameter or `filter.<key>`, never 500.
 */
describe('list queries on every list route', () => {
  let stack: TestStack;
  let runId = '';
  let recipientId = '';
  let webhookId = '';

  const ROUTES: ListRoute[] = [
    { name: 'users', path: () => '/api/users', textKey: 'q', listKeys: ['id', 'role'] },
    { name: 'channels', path: () => '/api/channels', textKey: 'q', listKeys: ['id'] },
    { name: 'audit log', path: () => '/api/audit-log', textKey: 'entityId', listKeys: ['action'] },
    { name: 'audiences', path: () => '/api/audiences', textKey: 'q', listKeys: ['id', 'kind'] },
    { name: 'blasts', path: () => '/api/blasts', listKeys: ['state'] },
    {
      name: 'run deliveries',
      path: () => `/api/blast-runs/${runId}/deliveries`,
      textKey: 'state',
      listKeys: [],
    },
    { name: 'webhooks', path: () => '/api/webhooks', listKeys: [] },
    {
      name: 'webhook deliveries',
      path: () => `/api/webhooks/${webhookId}/deliveries`,
      textKey: 'eventType',
      listKeys: [],
    },
    {
      name: 'recipients',
      path: () => '/api/recipients',
      textKey: 'q',
      listKeys: ['id', 'tag', 'consentState', 'channelRelation', 'source'],
    },
    {
      name: 'recipient deliveries',
      path: () => `/api/recipients/${recipientId}/deliveries`,
      textKey: 'state',
      listKeys: ['state'],
    },
    { name: 'recipient imports', path: () => '/api/recipients/imports', listKeys: [] },
    {
      name: 'campaigns',
      path: () => '/api/campaigns',
      textKey: 'q',
      listKeys: ['id', 'syncState', 'ownerId', 'tag', 'targetCalendarId'],
    },
    {
      name: 'subscribe calendars',
      path: () => '/api/subscribe-calendars',
      textKey: 'q',
      listKeys: ['id'],
    },
    { name: 'unmanaged events', path: () => '/api/unmanaged-events', listKeys: [] },
  ];

  const get = <T = ErrorBody>(path: string, query: Record<string, string>) =>
    stack.call<T>(Role.Admin, 'GET', `${path}?${new URLSearchParams(query).toString()}`);

  async function expectBadInput(
    path: string,
    query: Record<string, string>,
    field: string,
    reason?: RegExp,
  ): Promise<void> {
    const answer = await get(path, query);
    expect({ status: answer.status, code: answer.body.code }).toEqual({
      status: 400,
      code: 'list.invalid_query',
    });
    expect(answer.body.errors).toHaveProperty([field], expect.any(String));
    if (reason) {
      expect(answer.body.errors?.[field]).toMatch(reason);
    }
  }

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    await seedRecipients(stack, 2);
    const audienceId = await everyoneAudience(stack);
    runId = await startBlast(stack, blastBody(await publishedCampaign(stack), audienceId));
    const recipients = await stack.call<{ id: string }[]>(Role.Admin, 'GET', '/api/recipients');
    recipientId = recipients.body[0].id;
    // An event that never fires here, so nothing is sent to the address.
    const webhook = await stack.call<{ id: string }>(Role.Admin, 'POST', '/api/webhooks', {
      url: 'https://example.com/hook',
      events: ['campaign.drifted'],
    });
    expect(webhook.status).toBe(201);
    webhookId = webhook.body.id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe.each(ROUTES.map((route) => [route.name, route] as const))('%s', (_name, route) => {
    it('answers react-admin’s default sort ["id","ASC"] and an empty filter', async () => {
      const answer = await get<unknown[]>(route.path(), {
        sort: '["id","ASC"]',
        range: '[0,9]',
        filter: '{}',
      });
      expect(answer.status).toBe(200);
      expect(Array.isArray(answer.body)).toBe(true);
      expect(answer.headers.get('content-range')).toMatch(/^[a-z-]+ (\d+-\d+|\*)\/\d+$/);
    });

    it('names an unknown filter key', async () => {
      await expectBadInput(route.path(), { filter: '{"foo":1}' }, 'filter.foo', /unknown filter/);
    });

    it('names a filter value with a NUL character or a lone surrogate', async () => {
      const key = route.textKey ?? 'q';
      const reason = route.textKey ? undefined : /unknown filter/;
      await expectBadInput(
        route.path(),
        { filter: JSON.stringify({ [key]: 'a\u0000b' }) },
        `filter.${key}`,
        reason ?? /NUL/,
      );
      await expectBadInput(
        route.path(),
        { filter: `{"${key}":"a\\ud800b"}` },
        `filter.${key}`,
        reason ?? /Unicode/,
      );
    });

    it('refuses empty lists in filters', async () => {
      for (const key of route.listKeys.length > 0 ? route.listKeys : ['id']) {
        await expectBadInput(
          route.path(),
          { filter: JSON.stringify({ [key]: [] }) },
          `filter.${key}`,
          route.listKeys.length > 0 ? /must not be empty/ : /unknown filter/,
        );
      }
    });

    it.each(['[1e20,1e20]', '[9223372036854775807,9223372036854775807]', '[1e308,1e308]'])(
      'refuses range=%s',
      async (range) => {
        await expectBadInput(route.path(), { range }, 'range', /safe integers/);
      },
    );

    it('refuses a sort with extra elements and unknown parameters', async () => {
      await expectBadInput(route.path(), { sort: '["id","ASC","x"]' }, 'sort');
      await expectBadInput(route.path(), { page: '1' }, 'page');
    });
  });

  describe('run deliveries', () => {
    it.each(['"x"', '"12"', '{"$ne":1}', '[1]', '1e308', '2147483648', '0.5'])(
      'names kakaoCode %s',
      async (kakaoCode) => {
        await expectBadInput(
          `/api/blast-runs/${runId}/deliveries`,
          { filter: `{"kakaoCode":${kakaoCode}}` },
          'filter.kakaoCode',
        );
      },
    );

    it('names an unknown state', async () => {
      await expectBadInput(
        `/api/blast-runs/${runId}/deliveries`,
        { filter: '{"state":"lost"}' },
        'filter.state',
      );
    });

    it('filters by Kakao code and state', async () => {
      const answer = await get<{ kakaoCode: number | null }[]>(
        `/api/blast-runs/${runId}/deliveries`,
        { filter: '{"kakaoCode":-12,"state":"failed"}' },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.every((delivery) => delivery.kakaoCode === -12)).toBe(true);
    });
  });

  describe('holidays', () => {
    it.each([
      ['from=2024-02-30&to=2024-03-01', 'from'],
      ['from=2024-01-01&to=2024-1-31', 'to'],
      ['from=2024-01-01%00&to=2024-01-31', 'from'],
      ['from=2024-01-01&from=2024-01-02&to=2024-01-31', 'from'],
      ['from=2024-01-01&to=2024-01-31&cache=1', 'cache'],
    ])('rejects %s naming %s', async (query, field) => {
      const answer = await stack.call<ErrorBody>(Role.Admin, 'GET', `/api/holidays?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty([field], expect.any(String));
    });
  });

  it('describes sort, range and filter of every list route in the OpenAPI document', async () => {
    const response = await fetch(`${stack.apiUrl}/api/docs/json`);
    const document = (await response.json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    };
    const paths = [
      '/api/users',
      '/api/channels',
      '/api/audit-log',
      '/api/audiences',
      '/api/blasts',
      '/api/blast-runs/{runId}/deliveries',
      '/api/webhooks',
      '/api/webhooks/{id}/deliveries',
      '/api/recipients',
      '/api/recipients/{id}/deliveries',
      '/api/recipients/imports',
      '/api/campaigns',
      '/api/subscribe-calendars',
      '/api/unmanaged-events',
    ];
    for (const path of paths) {
      const query = (document.paths[path]?.get?.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name)
        .sort();
      expect({ path, query }).toEqual({ path, query: ['filter', 'range', 'sort'] });
    }
  });
});
