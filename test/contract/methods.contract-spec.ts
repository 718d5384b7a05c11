// Kakao's "Provided APIs" table (4.0): each Talk Calendar path is served with its listed method
// only; any other method answers like an unknown path (-2, 404).

import { request } from 'undici';

import { type ContractHarness, startContractHarness } from './contract-setup';
import { describeContract, RUNS_IN_PARITY } from './parity';

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

    async function call(method: string, path: string): Promise<{ status: number; code?: number }> {
      const response = await request(`${harness.apiBaseUrl}${path}`, {
        method: method as Method,
        headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
        body: method === 'POST' ? '' : undefined,
      });
      const text = await response.body.text();
      const body = text === '' ? {} : (JSON.parse(text) as { code?: number });
      return { status: response.statusCode, code: body.code };
    }

    it.each(TALK_CALENDAR_ENDPOINTS)(
      'row $row: $method $path is served (it asks for credentials)',
      async ({ method, path }) => {
        await expect(call(method, path)).resolves.toEqual({ status: 401, code: -401 });
      },
    );

    it.each(TALK_CALENDAR_ENDPOINTS)(
      'row $row: every other method on $path answers like an unknown path (-2, 404)',
      async ({ method, path }) => {
        for (const other of OTHER_METHODS.filter((candidate) => candidate !== method)) {
          const answer = await call(other, path);
          expect({ other, status: answer.status }).toEqual({ other, status: 404 });
          if (other !== 'HEAD') {
            expect({ other, code: answer.code }).toEqual({ other, code: -2 });
          }
        }
      },
    );
  },
);
