// Checks that need nothing but an app's keys, a test user's token and a connected channel, so
// they run alike against the sandbox and against the real Kakao API (parity mode).

import { request } from 'undici';

import { type KakaoClient } from '@app/kakao-client';

import { expectCode } from './contract-setup';
import { type ParityTarget } from './parity';

export interface ParityCheck {
  title: string;
  section: string;
  run(target: ParityTarget, client: KakaoClient): Promise<void>;
}

async function raw(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  authorization?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request(url, {
    method,
    headers: authorization === undefined ? {} : { authorization },
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

async function contentTypeOf(url: string, authorization?: string): Promise<unknown> {
  const response = await request(url, {
    headers: authorization === undefined ? {} : { authorization },
  });
  await response.body.dump();
  return { status: response.statusCode, type: response.headers['content-type'] };
}

export const PARITY_CHECKS: readonly ParityCheck[] = [
  {
    section: '1.2',
    title: 'answers, successes and errors alike, are labelled application/json;charset=UTF-8',
    async run(target) {
      const type = 'application/json;charset=UTF-8';
      await expect(
        contentTypeOf(`${target.apiBaseUrl}/v2/user/me`, `Bearer ${target.accessToken}`),
      ).resolves.toEqual({ status: 200, type });
      await expect(contentTypeOf(`${target.apiBaseUrl}/v1/api/talk/friends`)).resolves.toEqual({
        status: 401,
        type,
      });
    },
  },
  {
    section: '4.0, 4.19',
    title: 'unsubscribe is served as DELETE only',
    async run(target) {
      const path = `${target.apiBaseUrl}/v2/api/calendar/unsubscribe`;
      expect((await raw('DELETE', path)).status).toBe(401);
      expect(await raw('POST', path)).toMatchObject({ status: 404, body: { code: -2 } });
    },
  },
  {
    section: '4.1',
    title: 'the calendar list takes USER,SUBSCRIBE',
    async run(target, client) {
      const list = await client.calendar.listCalendars(target.accessToken, ['USER', 'SUBSCRIBE']);
      expect(list.calendars.map((calendar) => calendar.id)).toContain('primary');
      expect(Array.isArray(list.subscribe_calendars)).toBe(true);
    },
  },
  {
    section: '4.19',
    title:
      'the client unsubscribes with DELETE (an unknown calendar answers -2, not a missing path)',
    async run(target, client) {
      await expectCode(
        client.subscriptions.unsubscribe(target.accessToken, 'sub_parity_unknown'),
        -2,
        400,
      );
    },
  },
  {
    section: '4.20',
    title: 'holidays take 31 days after from, not more',
    async run(_target, client) {
      await expect(
        client.holidays.listHolidays({ from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }),
      ).resolves.toEqual(expect.any(Array));
      await expectCode(
        client.holidays.listHolidays({ from: '2026-05-01T00:00:00Z', to: '2026-06-02T00:00:00Z' }),
        -2,
        400,
      );
    },
  },
  {
    section: '2.7',
    title: '/v2/user/me answers GET, POST and ?access_token= alike; /v1/user/me is retired (-9)',
    async run(target) {
      const me = `${target.apiBaseUrl}/v2/user/me`;
      const byGet = await raw('GET', me, `Bearer ${target.accessToken}`);
      expect(byGet.status).toBe(200);
      expect((await raw('POST', me, `Bearer ${target.accessToken}`)).body.id).toBe(byGet.body.id);
      const byQuery = await raw(
        'GET',
        `${me}?access_token=${encodeURIComponent(target.accessToken)}`,
      );
      expect(byQuery.body.id).toBe(byGet.body.id);
      expect(
        await raw('GET', `${target.apiBaseUrl}/v1/user/me`, `Bearer ${target.accessToken}`),
      ).toMatchObject({
        status: 400,
        body: { code: -9 },
      });
    },
  },
  {
    section: '2.8',
    title: 'OIDC discovery names the issuer and an RS256 key set',
    async run(target) {
      const discovery = await raw('GET', `${target.authBaseUrl}/.well-known/openid-configuration`);
      expect(discovery.body).toMatchObject({
        issuer: target.authBaseUrl,
        jwks_uri: expect.stringMatching(/\/\.well-known\/jwks\.json$/) as string,
        id_token_signing_alg_values_supported: ['RS256'],
      });
      const jwks = await raw('GET', String(discovery.body.jwks_uri));
      expect(jwks.body.keys).toEqual(
        expect.arrayContaining([expect.objectContaining({ kty: 'RSA' })]),
      );
    },
  },
];
