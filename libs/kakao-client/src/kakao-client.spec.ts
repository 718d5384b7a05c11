import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { KakaoApiError } from './kakao-api.error';
import { KakaoClient } from './kakao-client';
import { type KakaoClientInit } from './kakao-client.options';

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  form: Record<string, string>;
}

interface Reply {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON. */
  raw?: string;
  /** Never answer (to test timeouts). */
  hang?: boolean;
}

type Handler = (request: Recorded) => Reply;

/** A tiny real HTTP server standing in for Kakao; each test scripts its answers. */
class StubKakao {
  readonly requests: Recorded[] = [];
  private handler: Handler = () => ({ status: 200, body: {} });
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        data += chunk;
      });
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://stub');
        const recorded: Recorded = {
          method: req.method ?? '',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          form: Object.fromEntries(new URLSearchParams(data)),
        };
        this.requests.push(recorded);
        const reply = this.handler(recorded);
        if (reply.hang === true) {
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8' });
        res.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  on(handler: Handler): void {
    this.handler = handler;
  }

  /** Answers the replies in order, repeating the last one. */
  sequence(...replies: Reply[]): void {
    let index = 0;
    this.handler = () => replies[Math.min(index++, replies.length - 1)];
  }

  listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const token = 'user-token';
const template = {
  object_type: 'calendar',
  id_type: 'event',
  id: 'ev1',
  content: { title: 'Pop-up', link: { web_url: 'https://example.com' } },
} as const;

describe('KakaoClient over HTTP', () => {
  const stub = new StubKakao();
  let client: KakaoClient;

  const makeClient = (init: KakaoClientInit = {}): KakaoClient =>
    new KakaoClient({
      apiBaseUrl: stub.url,
      authBaseUrl: stub.url,
      restApiKey: 'rest-key',
      adminKey: 'admin-key',
      backoff: { baseMs: 1, maxMs: 5 },
      ...init,
    });

  beforeAll(() => stub.listen());
  afterAll(() => stub.close());
  beforeEach(() => {
    stub.requests.length = 0;
    client = makeClient();
  });
  afterEach(() => client.close());

  describe('requests', () => {
    it('posts a form with the user token and the event as a JSON string', async () => {
      stub.sequence({ status: 200, body: { event_id: 'e1' } });
      const event = {
        title: 'Launch',
        time: { start_at: '2024-05-05T00:00:00Z', end_at: '2024-05-06T00:00:00Z', all_day: true },
      };
      await expect(
        client.calendar.createEvent(token, event, { calendarId: 'primary' }),
      ).resolves.toBe('e1');
      const [request] = stub.requests;
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/v2/api/calendar/create/event');
      expect(request.headers.authorization).toBe('Bearer user-token');
      expect(request.headers['content-type']).toBe(
        'application/x-www-form-urlencoded;charset=utf-8',
      );
      expect(request.form).toEqual({ calendar_id: 'primary', event: JSON.stringify(event) });
    });

    it('puts GET and DELETE parameters in the query', async () => {
      stub.sequence({ status: 200, body: { event_id: 'e1' } });
      await client.calendar.deleteEvent(token, 'e1', { recurUpdateType: 'ALL' });
      expect(stub.requests[0]).toMatchObject({
        method: 'DELETE',
        path: '/v2/api/calendar/delete/event',
        query: { event_id: 'e1', recur_update_type: 'ALL' },
      });
      expect(stub.requests[0].headers['content-type']).toBeUndefined();
    });

    it('uses the admin key, or the per-call override', async () => {
      stub.sequence({ status: 200, body: { events: [] } });
      await client.holidays.listHolidays({
        from: '2024-01-01T00:00:00Z',
        to: '2024-12-31T00:00:00Z',
      });
      await client.holidays.listHolidays(
        { from: '2024-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' },
        { adminKey: 'other-app' },
      );
      expect(stub.requests.map((r) => r.headers.authorization)).toEqual([
        'KakaoAK admin-key',
        'KakaoAK other-app',
      ]);
    });

    it('refuses an admin call without any admin key', async () => {
      const keyless = makeClient({ adminKey: undefined });
      await expect(keyless.holidays.listHolidays({ from: 'a', to: 'b' })).rejects.toThrow(
        /no admin key/,
      );
      await keyless.close();
      expect(stub.requests).toHaveLength(0);
    });

    it('keeps a path prefix of the base URL', async () => {
      const prefixed = makeClient({ apiBaseUrl: `${stub.url}/kakao/` });
      stub.sequence({ status: 200, body: { calendars: [] } });
      await prefixed.calendar.listCalendars(token, 'USER');
      await prefixed.close();
      expect(stub.requests[0].path).toBe('/kakao/v2/api/calendar/calendars');
    });

    it('sends receiver_uuids and template_object as JSON strings', async () => {
      stub.sequence({ status: 200, body: { successful_receiver_uuids: ['u1'] } });
      const result = await client.messages.sendToFriends(token, ['u1', 'u2'], template);
      expect(stub.requests[0].form).toEqual({
        receiver_uuids: '["u1","u2"]',
        template_object: JSON.stringify(template),
      });
      expect(result).toEqual({ successful_receiver_uuids: ['u1'], failure_info: [] });
    });
  });

  describe('lenient answers', () => {
    it('treats null and missing fields as absent and lists as empty', async () => {
      stub.sequence({ status: 200, body: { calendars: null, extra: 1 } });
      await expect(client.calendar.listCalendars(token)).resolves.toEqual({
        calendars: [],
        subscribe_calendars: [],
      });
    });

    it('reads subscribable calendars under `calendars` when `subscribe_calendars` is absent', async () => {
      stub.sequence({ status: 200, body: { calendars: [{ id: 'sub1', name: 'Drops' }] } });
      await expect(client.subscriptions.listSubscribableCalendars()).resolves.toEqual([
        { id: 'sub1', name: 'Drops' },
      ]);
    });
  });

  describe('retries (9.4)', () => {
    it('retries HTTP 5xx until it succeeds', async () => {
      stub.sequence(
        { status: 500, raw: 'boom' },
        { status: 503, body: { msg: 'maintenance', code: -9798 } },
        { status: 200, body: { result_code: 0 } },
      );
      await expect(client.messages.sendToMe(token, template)).resolves.toEqual({ result_code: 0 });
      expect(stub.requests).toHaveLength(3);
    });

    it('retries -1', async () => {
      stub.sequence(
        { status: 400, body: { msg: 'internal', code: -1 } },
        { status: 200, body: {} },
      );
      await client.messages.sendToMe(token, template);
      expect(stub.requests).toHaveLength(2);
    });

    it('does not retry -2', async () => {
      stub.sequence({ status: 400, body: { msg: 'event not found', code: -2 } });
      const error = await client.calendar.getEvent(token, 'nope').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KakaoApiError);
      expect(error).toMatchObject({ kind: 'api', status: 400, code: -2, retryable: false });
      expect(stub.requests).toHaveLength(1);
    });

    it('gives up after `retries` more attempts with the last error', async () => {
      stub.sequence({ status: 502, raw: '<html>bad gateway</html>' });
      const error = await client.messages.sendToMe(token, template).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'http', status: 502, retryable: true });
      expect(stub.requests).toHaveLength(4);
    });

    it('honours a per-call retries override', async () => {
      stub.sequence({ status: 500, raw: '' });
      await expect(client.messages.sendToMe(token, template, { retries: 0 })).rejects.toThrow(
        KakaoApiError,
      );
      expect(stub.requests).toHaveLength(1);
    });
  });

  describe('timeouts and network failures', () => {
    it('fails a call that gets no answer within timeoutMs, retrying it first', async () => {
      stub.sequence({ status: 200, hang: true });
      const started = Date.now();
      const error = await client.messages
        .sendToMe(token, template, { timeoutMs: 50, retries: 1 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'timeout', status: 0, retryable: true });
      expect(stub.requests).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('counts the wait for a pooled connection against the deadline', async () => {
      const single = makeClient({ connections: 1, retries: 0 });
      stub.on((request) =>
        request.path === '/v2/api/talk/memo/default/send'
          ? { status: 200, hang: true }
          : { status: 200, body: { id: 1, expires_in: 1, app_id: 1 } },
      );
      const blocker = single.messages.sendToMe(token, template, { timeoutMs: 300 });
      const queued = single.users.getAccessTokenInfo(token, { timeoutMs: 100 });
      await expect(queued).rejects.toMatchObject({ kind: 'timeout' });
      await expect(blocker).rejects.toMatchObject({ kind: 'timeout' });
      // The queued call timed out before a connection freed up, so it was never sent.
      expect(stub.requests.map((r) => r.path)).toEqual(['/v2/api/talk/memo/default/send']);
      await single.close();
    });

    it('rejects a credential that cannot be a header value without sending or retrying', async () => {
      const error = await client.users.getMe('bad\r\ntoken').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(KakaoApiError);
      expect(stub.requests).toHaveLength(0);
    });

    it('reports a refused connection as a retryable network error', async () => {
      const closed = new StubKakao();
      await closed.listen();
      const url = closed.url;
      await closed.close();
      const offline = makeClient({ apiBaseUrl: url, retries: 1 });
      const error = await offline.messages.sendToMe(token, template).catch((e: unknown) => e);
      await offline.close();
      expect(error).toBeInstanceOf(KakaoApiError);
      expect(error).toMatchObject({ kind: 'network', status: 0, retryable: true });
    });
  });

  describe('paging', () => {
    it('follows after_url by re-issuing its query against the configured base URL', async () => {
      stub.on((request) => {
        if (request.query.next_page_token === undefined) {
          return {
            status: 200,
            body: {
              events: [{ id: 'a' }, { id: 'b' }],
              has_next: true,
              after_url:
                'https://kapi.kakao.com/v2/api/calendar/events?next_page_token=p2&limit=100',
            },
          };
        }
        return { status: 200, body: { events: [{ id: 'c' }], has_next: false } };
      });
      const ids: string[] = [];
      for await (const event of client.calendar.events(token, {
        from: new Date('2024-05-01T00:02:00Z'),
        to: new Date('2024-05-20T00:02:00Z'),
        limit: 100,
      })) {
        ids.push(event.id);
      }
      expect(ids).toEqual(['a', 'b', 'c']);
      expect(stub.requests.map((r) => r.query)).toEqual([
        { from: '2024-05-01T00:00:00Z', to: '2024-05-20T00:05:00Z', limit: '100' },
        { next_page_token: 'p2', limit: '100' },
      ]);
    });

    it('stops on a repeated after_url instead of looping', async () => {
      stub.sequence({
        status: 200,
        body: {
          elements: [{ id: 1, uuid: 'u' }],
          after_url: `${stub.url}/v1/api/talk/friends?offset=1`,
        },
      });
      let count = 0;
      for await (const friend of client.friends.friends(token)) {
        expect(friend.uuid).toBe('u');
        count += 1;
      }
      expect(count).toBe(2);
      expect(stub.requests).toHaveLength(2);
    });
  });

  describe('withUserToken', () => {
    const expired = {
      status: 401,
      body: { msg: 'this access token is already expired', code: -401 },
    };

    it('refreshes once on -401, reports the new tokens and retries with them', async () => {
      stub.on((request) => {
        if (request.path === '/oauth/token') {
          return {
            status: 200,
            body: { token_type: 'bearer', access_token: 'fresh', expires_in: 21599 },
          };
        }
        return request.headers.authorization === 'Bearer fresh'
          ? { status: 200, body: { id: 42, expires_in: 100, app_id: 7 } }
          : expired;
      });
      const onRefreshed = jest.fn();
      const info = await client.withUserToken(
        { accessToken: 'stale', refreshToken: 'refresh-1' },
        (accessToken) => client.users.getAccessTokenInfo(accessToken),
        onRefreshed,
      );
      expect(info).toEqual({ id: 42, expires_in: 100, app_id: 7 });
      expect(onRefreshed).toHaveBeenCalledWith({
        accessToken: 'fresh',
        refreshToken: 'refresh-1',
        expiresIn: 21599,
      });
      const tokenCall = stub.requests.find((r) => r.path === '/oauth/token');
      expect(tokenCall?.form).toEqual({
        grant_type: 'refresh_token',
        client_id: 'rest-key',
        refresh_token: 'refresh-1',
      });
    });

    it('stops after one refresh when the new token is refused too', async () => {
      stub.on((request) =>
        request.path === '/oauth/token'
          ? { status: 200, body: { access_token: 'fresh', expires_in: 1 } }
          : expired,
      );
      await expect(
        client.withUserToken({ accessToken: 'stale', refreshToken: 'r' }, (t) =>
          client.users.getMe(t),
        ),
      ).rejects.toMatchObject({ code: -401 });
      expect(stub.requests.map((r) => r.path)).toEqual([
        '/v2/user/me',
        '/oauth/token',
        '/v2/user/me',
      ]);
    });

    it('treats -401 as final without a refresh token', async () => {
      stub.sequence(expired);
      await expect(
        client.withUserToken({ accessToken: 'stale' }, (t) => client.users.getMe(t)),
      ).rejects.toMatchObject({ code: -401 });
      expect(stub.requests).toHaveLength(1);
    });

    it('throws the OAuth error when the refresh token is gone', async () => {
      stub.on((request) =>
        request.path === '/oauth/token'
          ? {
              status: 400,
              body: { error: 'invalid_grant', error_description: 'expired', error_code: 'KOE322' },
            }
          : expired,
      );
      await expect(
        client.withUserToken({ accessToken: 'stale', refreshToken: 'r' }, (t) =>
          client.users.getMe(t),
        ),
      ).rejects.toMatchObject({ kind: 'oauth', errorCode: 'KOE322' });
    });
  });

  describe('upsertPublicEvent', () => {
    const event = {
      title: 'Pop-up',
      time: { start_at: '2024-04-12T01:00:00Z', end_at: '2024-04-12T10:00:00Z' },
    };
    const notFound = { status: 400, body: { msg: 'event not found', code: -2 } };

    it('creates the event again when the update and the lookup say it is gone', async () => {
      stub.on((request) => {
        if (request.path.endsWith('/public/create/event')) {
          return { status: 200, body: { event_id: 'new' } };
        }
        return notFound;
      });
      await expect(
        client.publicEvents.upsertPublicEvent({ eventId: 'old', event }),
      ).resolves.toEqual({
        eventId: 'new',
        created: true,
      });
      expect(stub.requests.map((r) => r.path)).toEqual([
        '/v2/api/calendar/public/update/event',
        '/v2/api/calendar/public/event',
        '/v2/api/calendar/public/create/event',
      ]);
    });

    it('treats an HTTP 404 as gone', async () => {
      stub.on((request) =>
        request.path.endsWith('/public/create/event')
          ? { status: 200, body: { event_id: 'new' } }
          : { status: 404, raw: 'Not Found' },
      );
      await expect(
        client.publicEvents.upsertPublicEvent({ eventId: 'old', event }),
      ).resolves.toEqual({
        eventId: 'new',
        created: true,
      });
    });

    it('rethrows a -2 for invalid input when the event still exists', async () => {
      stub.on((request) =>
        request.path.endsWith('/public/event')
          ? { status: 200, body: { event: { id: 'old', title: 'Pop-up' } } }
          : { status: 400, body: { msg: 'title too long', code: -2 } },
      );
      await expect(
        client.publicEvents.upsertPublicEvent({ eventId: 'old', event }),
      ).rejects.toMatchObject({ code: -2, msg: 'title too long' });
      expect(stub.requests.some((r) => r.path.endsWith('/public/create/event'))).toBe(false);
    });

    it('updates in place when the event exists', async () => {
      stub.sequence({ status: 200, body: { event_id: 'old' } });
      await expect(
        client.publicEvents.upsertPublicEvent({ eventId: 'old', event }),
      ).resolves.toEqual({
        eventId: 'old',
        created: false,
      });
      expect(stub.requests).toHaveLength(1);
    });
  });
});
