// Kakao's "Provided APIs" table (4.0): each Talk Calendar path is served with its listed method
// only; any other method answers like an unknown path (-2, 404). The other paths of the contract
// (messages, friends, channels, user info, OAuth) keep to their listed methods the same way.

import { request } from 'undici';

import { type ContractHarness, startContractHarness } from './contract-setup';
import { describeContract, itSandboxOnly, RUNS_IN_PARITY } from './parity';

type Method = 'GET' | 'POST' | 'DELETE';

/** Rows 1–26 of 4.0, exactly as Kakao lists them. */
export const TALK_CALENDAR_ENDPOINTS: readonly { row: number; method: Method; path: string }[] = [
  { row: 1, method: 'GET', path: '/v2/api/calendar/calendars' },
  { row: 2, method: 'POST', path: '/v2/api/calendar/create/calendar' },
  { row: 3, method: 'POST', path: '/v2/api/calendar/update/calendar' },
  { row: 4, method: 'DELETE', path: '/v2/api/calendar/delete/calendar' },
  { row: 5, method: 'POST', path: '/v2/api/calendar/create/event' },
  { row: 6, method: 'GET', path: '/v2/api/calendar/events' },
  { row: 7, method: 'GET', path: '/v2/api/calendar/event' },
  { row: 8, method: 'POST', path: '/v2/api/calendar/update/event/host' },
  { row: 9, method: 'DELETE', path: '/v2/api/calendar/delete/event' },
  { row: 10, method: 'POST', path: '/v2/api/calendar/update/event/guest' },
  { row: 11, method: 'POST', path: '/v2/api/calendar/public/create/event' },
  { row: 12, method: 'GET', path: '/v2/api/calendar/public/events' },
  { row: 13, method: 'GET', path: '/v2/api/calendar/public/event' },
  { row: 14, method: 'POST', path: '/v2/api/calendar/public/update/event' },
  { row: 15, method: 'DELETE', path: '/v2/api/calendar/public/delete/event' },
  { row: 16, method: 'POST', path: '/v2/api/calendar/public/follow' },
  { row: 17, method: 'GET', path: '/v2/api/calendar/subscribable/calendars' },
  { row: 18, method: 'POST', path: '/v2/api/calendar/subscribe' },
  { row: 19, method: 'DELETE', path: '/v2/api/calendar/unsubscribe' },
  { row: 20, method: 'GET', path: '/v2/api/calendar/holidays' },
  { row: 21, method: 'POST', path: '/v1/api/calendar/create/task' },
  { row: 22, method: 'GET', path: '/v1/api/calendar/tasks' },
  { row: 23, method: 'GET', path: '/v1/api/calendar/task/records' },
  { row: 24, method: 'POST', path: '/v1/api/calendar/update/task' },
  { row: 25, method: 'POST', path: '/v1/api/calendar/complete/task' },
  { row: 26, method: 'DELETE', path: '/v1/api/calendar/delete/task' },
];

const OTHER_METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD'] as const;

/** The kapi paths outside Talk Calendar, with the methods their sections list. */
const OTHER_KAPI_ENDPOINTS: readonly { section: string; methods: Method[]; path: string }[] = [
  { section: '5.1', methods: ['POST'], path: '/v2/api/talk/memo/default/send' },
  { section: '5.2', methods: ['POST'], path: '/v1/api/talk/friends/message/default/send' },
  { section: '5.5', methods: ['GET'], path: '/v1/api/talk/friends' },
  { section: '5.6', methods: ['GET'], path: '/v2/api/talk/channels' },
  { section: '2.7', methods: ['GET', 'POST'], path: '/v2/user/me' },
  { section: '2.7', methods: ['POST'], path: '/v1/user/unlink' },
  { section: '2.6', methods: ['GET'], path: '/v1/user/access_token_info' },
  { section: '2.8', methods: ['GET', 'POST'], path: '/v1/oidc/userinfo' },
];

/** The kauth paths (2.7, 2.8). */
const KAUTH_ENDPOINTS: readonly { section: string; methods: Method[]; path: string }[] = [
  { section: '2.7', methods: ['GET'], path: '/oauth/authorize' },
  { section: '2.7', methods: ['POST'], path: '/oauth/token' },
  { section: '2.8', methods: ['POST'], path: '/oauth/tokeninfo' },
  { section: '2.8', methods: ['GET'], path: '/.well-known/openid-configuration' },
  { section: '2.8', methods: ['GET'], path: '/.well-known/jwks.json' },
];

async function call(
  baseUrl: string,
  method: string,
  path: string,
): Promise<{ status: number; code?: number }> {
  const response = await request(`${baseUrl}${path}`, {
    method: method as Method,
    headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body: method === 'POST' ? '' : undefined,
  });
  const text = await response.body.text();
  const body = text === '' ? {} : (JSON.parse(text) as { code?: number });
  return { status: response.statusCode, code: body.code };
}

/** Every method but the listed ones answers like an unknown path (no body for HEAD). */
async function expectOnlyListed(
  baseUrl: string,
  methods: readonly string[],
  path: string,
): Promise<void> {
  for (const other of OTHER_METHODS.filter((candidate) => !methods.includes(candidate))) {
    const answer = await call(baseUrl, other, path);
    expect({ other, status: answer.status }).toEqual({ other, status: 404 });
    if (other !== 'HEAD') {
      expect({ other, code: answer.code }).toEqual({ other, code: -2 });
    }
  }
}

// Runs in parity mode: it makes unauthenticated calls only.
describeContract(
  'the 26 Talk Calendar paths answer only their listed method (4.0)',
  RUNS_IN_PARITY,
  () => {
    let harness: ContractHarness;

    beforeAll(async () => {
      harness = await startContractHarness();
    });
    afterAll(() => harness.close());

    it.each(TALK_CALENDAR_ENDPOINTS)(
      'row $row: $method $path is served (it asks for credentials)',
      async ({ method, path }) => {
        await expect(call(harness.apiBaseUrl, method, path)).resolves.toEqual({
          status: 401,
          code: -401,
        });
      },
    );

    it.each(TALK_CALENDAR_ENDPOINTS)(
      'row $row: every other method on $path answers like an unknown path (-2, 404)',
      async ({ method, path }) => {
        await expectOnlyListed(harness.apiBaseUrl, [method], path);
      },
    );
  },
);

// Runs in parity mode for the kapi paths (unauthenticated calls only); the kauth ones are the
// sandbox's own choice.
describeContract(
  'the other paths of the contract answer only their listed methods (2.6–2.8, 5)',
  RUNS_IN_PARITY,
  () => {
    let harness: ContractHarness;

    beforeAll(async () => {
      harness = await startContractHarness();
    });
    afterAll(() => harness.close());

    for (const { section, methods, path } of OTHER_KAPI_ENDPOINTS) {
      it(`${section}: ${path} answers only ${methods.join(', ')}; other methods like an unknown path`, () =>
        expectOnlyListed(harness.apiBaseUrl, methods, path));
    }

    for (const { section, methods, path } of KAUTH_ENDPOINTS) {
      itSandboxOnly(
        `${section}: ${path} answers only ${methods.join(', ')}; other methods like an unknown path`,
        'the contract names no answer for a wrong method on kauth paths',
        () => expectOnlyListed(harness.authBaseUrl, methods, path),
      );
    }
  },
);
