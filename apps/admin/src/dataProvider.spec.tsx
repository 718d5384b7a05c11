/**
 * @jest-environment node
 */
import { HttpError } from 'react-admin';

import { createDataProvider } from '@admin/dataProvider';
import { type FetchLike } from '@admin/httpClient';
import { type Session, SessionStore } from '@admin/session';
import { memoryStorage } from '@admin/test/memoryStorage';

const API = 'http://console.test/api';

const session: Session = {
  token: 'kccs_token',
  expiresAt: '2999-01-01T00:00:00.000Z',
  user: {
    id: 'u1',
    email: 'marketer@demo.local',
    displayName: 'Marketer',
    channels: [
      { id: 'ch-a', name: 'A', channelPublicId: '_a', role: 'marketer' },
      { id: 'ch-b', name: 'B', channelPublicId: '_b', role: 'admin' },
    ],
  },
};

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

function fakeApi(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    return Promise.resolve(answer(call));
  };
  return { calls, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function setup(answer: (call: Call) => Response = () => json({ id: 'c1' })) {
  const store = new SessionStore(memoryStorage());
  store.set(session);
  const api = fakeApi(answer);
  const dataProvider = createDataProvider({ apiUrl: API, session: store, fetch: api.fetch });
  return { store, dataProvider, calls: api.calls };
}

describe('dataProvider', () => {
  it('sends the bearer token and the current channel with every request', async () => {
    const { dataProvider, calls, store } = setup();
    await dataProvider.getOne('campaigns', { id: 'c1' });
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer kccs_token');
    expect(calls[0]?.headers.get('x-channel-id')).toBe('ch-a');

    store.selectChannel('ch-b');
    await dataProvider.getOne('campaigns', { id: 'c1' });
    expect(calls[1]?.headers.get('x-channel-id')).toBe('ch-b');
  });

  it('lists in the stock simple-REST format and reads the total from Content-Range', async () => {
    const { dataProvider, calls } = setup(() =>
      json([{ id: 'c1' }], 200, { 'content-range': 'campaigns 0-0/31' }),
    );
    const page = await dataProvider.getList('campaigns', {
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'updatedAt', order: 'DESC' },
      filter: { syncState: 'published' },
    });
    expect(page.total).toBe(31);
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/api/campaigns');
    expect(url.searchParams.get('range')).toBe('[10,19]');
    expect(url.searchParams.get('sort')).toBe('["updatedAt","DESC"]');
    expect(url.searchParams.get('filter')).toBe('{"syncState":"published"}');
  });

  it.each([
    [
      'submit',
      (p: ReturnType<typeof setup>['dataProvider']) => p.submit('c1', ' looks good '),
      'POST',
      '/api/campaigns/c1/submit',
      { comment: 'looks good' },
    ],
    [
      'approve',
      (p: ReturnType<typeof setup>['dataProvider']) => p.approve('c1'),
      'POST',
      '/api/campaigns/c1/approve',
      {},
    ],
    [
      'reject',
      (p: ReturnType<typeof setup>['dataProvider']) => p.reject('c1', 'fix the title'),
      'POST',
      '/api/campaigns/c1/reject',
      { comment: 'fix the title' },
    ],
    [
      'publish',
      (p: ReturnType<typeof setup>['dataProvider']) => p.publish('c1'),
      'POST',
      '/api/campaigns/c1/publish',
      {},
    ],
    [
      'unpublish',
      (p: ReturnType<typeof setup>['dataProvider']) => p.unpublish('c1'),
      'POST',
      '/api/campaigns/c1/unpublish',
      {},
    ],
    [
      'restore',
      (p: ReturnType<typeof setup>['dataProvider']) => p.restore('c1', 2, 7),
      'POST',
      '/api/campaigns/c1/restore/2',
      { version: 7 },
    ],
    [
      'reconcile',
      (p: ReturnType<typeof setup>['dataProvider']) => p.reconcile(),
      'POST',
      '/api/campaigns/reconcile',
      {},
    ],
    [
      'importUnmanaged',
      (p: ReturnType<typeof setup>['dataProvider']) => p.importUnmanaged('u9'),
      'POST',
      '/api/unmanaged-events/u9/import',
      {},
    ],
    [
      'syncCalendars',
      (p: ReturnType<typeof setup>['dataProvider']) => p.syncCalendars(),
      'POST',
      '/api/subscribe-calendars/sync',
      {},
    ],
    [
      'kakaoCopy',
      (p: ReturnType<typeof setup>['dataProvider']) => p.kakaoCopy('c1'),
      'GET',
      '/api/campaigns/c1/kakao',
      undefined,
    ],
    [
      'revisions',
      (p: ReturnType<typeof setup>['dataProvider']) => p.revisions('c1'),
      'GET',
      '/api/campaigns/c1/revisions',
      undefined,
    ],
    [
      'approvals',
      (p: ReturnType<typeof setup>['dataProvider']) => p.approvals('c1'),
      'GET',
      '/api/campaigns/c1/approvals',
      undefined,
    ],
  ] as const)('%s is %s %s', async (_name, call, method, path, body) => {
    const { dataProvider, calls } = setup();
    await call(dataProvider);
    expect(calls[0]?.method).toBe(method);
    expect(new URL(calls[0]?.url ?? '').pathname).toBe(path);
    expect(calls[0]?.body).toEqual(body);
  });

  it('asks for a diff and holidays with query parameters', async () => {
    const { dataProvider, calls } = setup(() => json([]));
    await dataProvider.diff('c1', 1, 3);
    await dataProvider.holidays('2030-04-01', '2030-05-12');
    expect(calls.map((call) => call.url.replace(API, ''))).toEqual([
      '/campaigns/c1/diff?from=1&to=3',
      '/holidays?from=2030-04-01&to=2030-05-12',
    ]);
  });

  it('puts the API’s per-field reasons where react-admin shows them, translatable', async () => {
    const { dataProvider } = setup(() =>
      json(
        {
          statusCode: 400,
          code: 'campaign.invalid',
          message: 'Invalid campaign',
          errors: {
            'content.title': 'must be at most 50 characters (now 51)',
            'content.banner.webUrl': 'must be an http(s) URL',
            'content.rrule': 'something the console has no words for',
          },
        },
        400,
      ),
    );
    const failure = await dataProvider
      .update('campaigns', { id: 'c1', data: { version: 1 }, previousData: { id: 'c1' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpError);
    const error = failure as HttpError;
    expect(error.status).toBe(400);
    expect(error.message).toBe('app.error.campaign.invalid');
    const errors = (error.body as { errors: Record<string, string> }).errors;
    expect(JSON.parse(errors['content.title'].replace('@@react-admin@@', ''))).toEqual({
      message: 'app.validation.max_chars',
      args: { _: 'must be at most 50 characters (now 51)', max: 50, now: 51 },
    });
    expect(errors['content.banner.webUrl']).toContain('app.validation.http_url');
    expect(errors['content.rrule']).toBe('something the console has no words for');
  });

  it('keeps the API’s message for codes the console does not translate', async () => {
    const { dataProvider } = setup(() =>
      json({ statusCode: 409, code: 'blast.busy', message: 'The blast is running' }, 409),
    );
    await expect(dataProvider.publish('c1')).rejects.toMatchObject({
      status: 409,
      message: 'The blast is running',
    });
  });
});
