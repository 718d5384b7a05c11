import { Role } from '@app/accounts';
import { type ChannelEntity } from '@app/channels';
import { type ApiClient, createAuthedClient, seedChannel, seedUser } from '@app/testing';

import { type ApiUnderTest, startApi } from './support/api-under-test';

jest.setTimeout(60_000);

interface Envelope {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
}

interface Answer {
  status: number;
  headers: Headers;
  body: Envelope;
}

const SOME_ID = '0b8e3c1a-5d2f-4e6a-9b7c-1d2e3f4a5b6c';

describe('hostile input: bodies, parameters and headers every route shares', () => {
  let api: ApiUnderTest;
  let channel: ChannelEntity;
  let marketer: ApiClient;
  let manager: ApiClient;
  let scheduler: ApiClient;

  /** A request sent as written: the body is not encoded, the content type is the caller's. */
  async function send(
    method: string,
    path: string,
    options: { body?: string; contentType?: string; as?: ApiClient } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.contentType !== undefined) {
      headers['content-type'] = options.contentType;
    }
    if (options.as) {
      headers.authorization = `Bearer ${options.as.token}`;
      headers['x-channel-id'] = channel.id;
    }
    const response = await fetch(`${api.url}${path}`, { method, headers, body: options.body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as Envelope,
    };
  }

  const json = (method: string, path: string, body: string, as?: ApiClient): Promise<Answer> =>
    send(method, path, { body, contentType: 'application/json', as });

  async function importCount(): Promise<number> {
    const answer = await scheduler.get<unknown[]>('/api/recipients/imports');
    expect(answer.status).toBe(200);
    return answer.body.length;
  }

  beforeAll(async () => {
    api = await startApi();
    channel = await seedChannel(api.app, { name: 'Hostile input channel' });
    const client = async (role: Role): Promise<ApiClient> =>
      createAuthedClient(api.url, {
        ...(await seedUser(api.app, { memberships: [{ channelId: channel.id, role }] })),
        channelId: channel.id,
      });
    marketer = await client(Role.Marketer);
    manager = await client(Role.Manager);
    scheduler = await client(Role.Scheduler);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('body types per route', () => {
    it.each([
      ['POST', '/api/auth/login', 'text/csv', 'a,b'],
      ['POST', '/api/auth/login', 'application/csv', 'a,b'],
      ['POST', '/api/ingest/recipients', 'application/csv', 'x'],
      ['POST', '/api/auth/login', 'text/plain', '{"email":"a@b.c","password":"x"}'],
      ['POST', '/api/auth/login', 'multipart/form-data; boundary=X', '--X--\r\n'],
      ['POST', '/api/auth/login', 'application/x-www-form-urlencoded', 'email=a'],
    ])(
      'answers 415 to %s %s with a %s body, and the process stays up',
      async (method, path, contentType, body) => {
        const answer = await send(method, path, { body, contentType });
        expect(answer.status).toBe(415);
        expect(answer.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
        const health = await fetch(`${api.url}/api/health`);
        expect([200, 503]).toContain(health.status);
      },
    );

    it('answers 415 to a CSV body on a signed-in DTO route', async () => {
      const answer = await send('POST', '/api/campaigns', {
        body: 'name\nx\n',
        contentType: 'text/csv',
        as: marketer,
      });
      expect(answer.status).toBe(415);
      expect(answer.body.code).toBe('unsupported_media_type');
    });

    it('still takes a raw CSV body on the upload route', async () => {
      const answer = await send('POST', '/api/recipients/imports', {
        body: 'kakao_user_id,tags\n1,a\n',
        contentType: 'text/csv',
        as: scheduler,
      });
      expect(answer.status).toBe(202);
    });

    it('lets a bodiless request through whatever content type it names', async () => {
      const answer = await send('POST', '/api/auth/logout', {
        contentType: 'text/plain',
        as: manager,
      });
      expect(answer.status).toBe(204);
      manager = await createAuthedClient(api.url, {
        ...(await seedUser(api.app, {
          memberships: [{ channelId: channel.id, role: Role.Manager }],
        })),
        channelId: channel.id,
      });
    });
  });

  describe('text and shape of every body, query and path parameter', () => {
    it('refuses NUL in a body string, without signing in', async () => {
      const answer = await json('POST', '/api/auth/login', '{"email":"a\\u0000b","password":"x"}');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 'validation_failed',
        errors: { email: 'must not contain NUL characters' },
      });
    });

    it('refuses NUL in a key, naming it escaped', async () => {
      const answer = await json(
        'POST',
        '/api/auth/login',
        '{"email":"a@b.c","password":"x","a\\u0000":1}',
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ 'a\\u0000': 'must not contain NUL characters' });
    });

    it('refuses lone surrogates anywhere, naming the nested field', async () => {
      const content = {
        title: 't\ud800',
        allDay: true,
        startDate: '2031-01-01',
        endDate: '2031-01-01',
        timeZone: 'Asia/Seoul',
      };
      const answer = await json(
        'POST',
        '/api/campaigns',
        JSON.stringify({ name: 'n', content }),
        marketer,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ 'content.title': 'must be valid Unicode text' });
    });

    it('refuses NUL in query values and path parameters', async () => {
      const mode = await send('POST', '/api/recipients/imports?mode=a%00b', {
        body: 'kakao_user_id,tags\n1,a\n',
        contentType: 'text/csv',
        as: scheduler,
      });
      expect(mode.status).toBe(400);
      expect(mode.body.errors).toEqual({ mode: 'must not contain NUL characters' });
      const id = await send('GET', '/api/campaigns/a%00b', { as: marketer });
      expect(id.status).toBe(400);
      expect(id.body.errors).toEqual({ id: 'must not contain NUL characters' });
    });

    it.each([
      ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, 5000, 'a'],
      ['arrays', (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`, 100_000, '0'],
    ])(
      'refuses %s nested deeper than 32 levels before any transformation',
      async (_kind, make, depth, field) => {
        const answer = await json('POST', '/api/auth/login', make(depth));
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual({ [field]: 'nests too deeply' });
      },
    );

    it.each([
      ['{"email":"a@b.c","password":"x","__proto__":{"admin":true}}', '__proto__'],
      ['{"comment":{"__proto__":{"admin":true}}}', 'comment.__proto__'],
      ['{"comment":{"constructor":{"prototype":{"admin":true}}}}', 'comment.constructor'],
    ])('refuses a prototype key by its path: %s', async (body, field) => {
      const answer = await json('POST', '/api/auth/login', body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ [field]: 'is not an allowed key' });
    });

    it('names the top-level field a deep nesting hangs from', async () => {
      const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
      const answer = await json('POST', '/api/auth/login', `{"email":"a@b.c","password":${deep}}`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ password: 'nests too deeply' });
    });

    it('refuses a body that is not a JSON object', async () => {
      const answer = await json('POST', '/api/auth/login', '"a@b.c"');
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ body: 'must be a JSON object' });
    });
  });

  describe('null and arrays where an object or a string belongs', () => {
    let draftId: string;

    beforeAll(async () => {
      const created = await marketer.post<{ id: string }>('/api/campaigns', {
        name: 'Shapes',
        content: {
          title: 'Shapes',
          allDay: true,
          startDate: '2031-01-01',
          endDate: '2031-01-01',
          timeZone: 'Asia/Seoul',
        },
      });
      expect(created.status).toBe(201);
      draftId = created.body.id;
    });

    const content = {
      title: 't',
      allDay: true,
      startDate: '2031-01-01',
      endDate: '2031-01-01',
      timeZone: 'Asia/Seoul',
    };

    it('refuses comment: null on submit and approve', async () => {
      const submit = await marketer.post(`/api/campaigns/${draftId}/submit`, { comment: null });
      expect(submit.status).toBe(400);
      expect((submit.body as Envelope).errors).toEqual({ comment: 'comment must be a string' });
      const approve = await manager.post(`/api/campaigns/${draftId}/approve`, { comment: null });
      expect(approve.status).toBe(400);
      expect((approve.body as Envelope).errors).toHaveProperty('comment');
    });

    it('refuses content: null on update', async () => {
      const answer = await marketer.put<Envelope>(`/api/campaigns/${draftId}`, {
        version: 1,
        content: null,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty('content');
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['target: []', { target: [] }, 'target'],
      ['target: [{ kind }]', { target: [{ kind: 'subscribe_calendar' }] }, 'target'],
      ['target: null', { target: null }, 'target'],
      ['content.banner: []', { content: { ...content, banner: [] } }, 'content.banner'],
      ['content.location: []', { content: { ...content, location: [] } }, 'content.location'],
      [
        'content.description: null',
        { content: { ...content, description: null } },
        'content.description',
      ],
      ['tags: null', { tags: null }, 'tags'],
    ])('refuses a campaign with %s', async (_case, change, field) => {
      const answer = await marketer.post<Envelope>('/api/campaigns', {
        name: 'n',
        content,
        ...change,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty([field]);
    });

    const message = {
      idType: 'event',
      campaignId: SOME_ID,
      title: 'Title',
      webUrl: 'https://example.com',
    };

    it.each<[string, Record<string, unknown>, string]>([
      ['message.title: null', { title: null }, 'message.title'],
      ['message.description: null', { description: null }, 'message.description'],
      ['message.button: []', { button: [] }, 'message.button'],
      ['message.imageWidth: 1e308', { imageWidth: 1e308 }, 'message.imageWidth'],
    ])('refuses a blast with %s', async (_case, change, field) => {
      const answer = await scheduler.post<Envelope>('/api/blasts', {
        name: 'b',
        message: { ...message, ...change },
        audienceId: SOME_ID,
        schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
        ratePerSecond: 10,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty([field]);
    });

    it('refuses an ingest item that is an array, before the key is looked at', async () => {
      const answer = await json('POST', '/api/ingest/recipients', '{"recipients":[[]]}');
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty(['recipients']);
    });
  });

  describe('path parameters', () => {
    it('names a path parameter that is not a UUID', async () => {
      for (const path of [
        '/api/campaigns/not-a-uuid',
        '/api/blasts/not-a-uuid',
        '/api/recipients/imports/not-a-uuid',
      ]) {
        const answer = await send('GET', path, { as: scheduler });
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual({ id: 'must be a UUID' });
      }
      const run = await send('GET', '/api/blast-runs/nope/events', { as: scheduler });
      expect(run.status).toBe(400);
      expect(run.body.errors).toEqual({ runId: 'must be a UUID' });
    });

    it.each(['99999999999999999999', '2147483648', '0', '-1', '1.5', 'x'])(
      'answers 400 naming the revision for /restore/%s',
      async (revision) => {
        const answer = await json(
          'POST',
          `/api/campaigns/${SOME_ID}/restore/${revision}`,
          '{}',
          marketer,
        );
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual({ revision: 'must be an integer 1…2147483647' });
      },
    );

    it('names a query number that is out of range', async () => {
      const answer = await send('GET', `/api/campaigns/${SOME_ID}/diff?from=1&to=99999999999`, {
        as: marketer,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ to: 'must be an integer 1…2147483647' });
    });
  });

  describe("Fastify's own refusals", () => {
    const envelopeKeys = ['code', 'message', 'statusCode'];

    it.each<[string, () => Promise<Answer>, number, string, Record<string, string> | undefined]>([
      [
        'a broken percent-encoding',
        () => send('GET', '/api/%zz'),
        400,
        'bad_request',
        { url: 'has a broken percent-encoding' },
      ],
      [
        'a broken percent-encoding outside /api',
        () => send('GET', '/%zz'),
        400,
        'bad_request',
        { url: 'has a broken percent-encoding' },
      ],
      [
        'malformed JSON',
        () => json('POST', '/api/auth/login', '{bad'),
        400,
        'bad_request',
        { body: 'must be valid JSON' },
      ],

      [
        'an empty JSON body',
        () => json('POST', '/api/auth/login', ''),
        400,
        'bad_request',
        { body: 'must not be empty' },
      ],
      [
        'a body over the limit',
        () => json('POST', '/api/auth/login', `"${'x'.repeat(11 * 1024 * 1024)}"`),
        413,
        'payload_too_large',
        { body: 'is too large' },
      ],
      [
        'an unknown content type',
        () => send('POST', '/api/auth/login', { body: '<a/>', contentType: 'application/xml' }),
        415,
        'unsupported_media_type',
        undefined,
      ],
    ])('answers %s in the envelope', async (_case, request, status, code, errors) => {
      const answer = await request();
      expect(answer.status).toBe(status);
      expect(Object.keys(answer.body).sort()).toEqual(
        errors ? [...envelopeKeys, 'errors'].sort() : envelopeKeys,
      );
      expect(answer.body).toMatchObject({
        statusCode: status,
        code,
        ...(errors ? { errors } : {}),
      });
    });

    it('answers an over-long path parameter in the envelope', async () => {
      const answer = await send('GET', `/api/campaigns/${'a'.repeat(1000)}`);
      // 414 from the router; 404 where the built admin UI's catch-all route takes the path.
      expect([404, 414]).toContain(answer.status);
      expect(Object.keys(answer.body).sort()).toEqual(envelopeKeys);
      if (answer.status === 414) {
        expect(answer.body).toMatchObject({ code: 'uri_too_long' });
        expect(answer.body.message).toBe('A path parameter is too long');
      }
    });
  });

  describe('multipart uploads', () => {
    async function multipart(body: string, contentType: string): Promise<Answer> {
      return send('POST', '/api/recipients/imports', { body, contentType, as: scheduler });
    }

    it.each([
      [
        'a body cut off before its closing boundary',
        '--X\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nkakao_user_id,tags\n1,a\n',
        'multipart/form-data; boundary=X',
      ],
      [
        'no boundary',
        '--X\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nkakao_user_id\n1\n--X--\r\n',
        'multipart/form-data',
      ],
      [
        'part headers that never end',
        '--X\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n',
        'multipart/form-data; boundary=X',
      ],
    ])('answers 400 naming the file for %s, and keeps no import', async (_case, body, type) => {
      const before = await importCount();
      const answer = await multipart(body, type);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ file: 'the multipart body is incomplete' });
      expect(await importCount()).toBe(before);
    });

    it('answers 400 naming the file for a file name with NUL, and keeps no import', async () => {
      const before = await importCount();
      const answer = await multipart(
        '--X\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\n\r\nkakao_user_id,tags\n1,a\n\r\n--X--\r\n',
        'multipart/form-data; boundary=X',
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({
        file: 'the file name must not contain NUL characters',
      });
      expect(await importCount()).toBe(before);
    });
  });

  describe('security headers', () => {
    it.each(['/api/health', '/api/docs', '/api/nothing-here', '/'])(
      'sends the policy headers on %s',
      async (path) => {
        const response = await fetch(`${api.url}${path}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("base-uri 'self'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      },
    );

    it('keeps the stricter headers of the public pages', async () => {
      const response = await fetch(`${api.url}/join/${channel.channelPublicId}`);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    });
  });

  describe('Kakao calls a channel cannot make', () => {
    it('answers 409 naming the missing admin key, not a 500', async () => {
      const answer = await send('GET', '/api/holidays?from=2030-01-01&to=2030-01-31', {
        as: marketer,
      });
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        code: 'channel.kakao_key_missing',
        errors: { adminKey: 'is required for this request' },
      });
    });
  });
});
