// Kakao Login as real clients meet it (2.3, 2.7): user info by GET or POST, the retired v1 path,
// app-configurable consent items and the fields they unlock, and the `[T]` behaviours.

import { request } from 'undici';

import { type KakaoClient } from '@app/kakao-client';

import { consentThroughPage } from './consent-browser';
import {
  type ContractHarness,
  parityApp,
  type SandboxApp,
  startContractHarness,
} from './contract-setup';
import { describeContract, itSandboxOnly, RUNS_IN_PARITY } from './parity';

const REDIRECT_URI = 'http://127.0.0.1:9/login/callback';
const NEEDS_CONSENT_PAGE = 'needs an app with chosen consent items and a consent on the page';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describeContract('Kakao Login user info and consent items (2.3, 2.7)', RUNS_IN_PARITY, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    init: { token?: string; query?: Record<string, string> } = {},
  ): Promise<Answer> {
    const query = init.query === undefined ? '' : `?${new URLSearchParams(init.query).toString()}`;
    const response = await request(`${harness.apiBaseUrl}${path}${query}`, {
      method,
      headers: init.token === undefined ? {} : { authorization: `Bearer ${init.token}` },
    });
    return { status: response.statusCode, body: (await response.body.json()) as Answer['body'] };
  }

  /** Logs in through the consent page asking `scopes`; answers the token. */
  async function login(
    target: SandboxApp,
    scopes?: string[],
  ): Promise<{ access: string; scope: string }> {
    const targetClient = harness.clientFor(target);
    const redirect = await consentThroughPage(
      targetClient.oauth.authorizeUrl({ redirectUri: REDIRECT_URI, scopes, state: 's' }),
      'new',
    );
    const code = redirect.searchParams.get('code');
    if (code === null) {
      throw new Error(`no code: ${redirect.toString()}`);
    }
    const token = await targetClient.oauth.exchangeCode({ code, redirectUri: REDIRECT_URI });
    return { access: token.access_token, scope: token.scope ?? '' };
  }

  /** A user token: the configured test user's in parity mode, else a fresh consent. */
  async function userToken(): Promise<string> {
    return harness.parity?.accessToken ?? (await login(app, ['profile_nickname'])).access;
  }

  beforeAll(async () => {
    harness = await startContractHarness();
    app = harness.parity
      ? parityApp(harness.parity)
      : await harness.control.createApp({
          consent_items: ['profile_nickname', 'profile_image', 'account_email'],
        });
    client = harness.clientFor(app);
  });
  afterAll(() => harness.close());

  it('answers /v2/user/me to GET and to POST', async () => {
    const access = await userToken();
    const byGet = await call('GET', '/v2/user/me', { token: access });
    const byPost = await call('POST', '/v2/user/me', { token: access });
    expect(byGet.status).toBe(200);
    expect(byPost).toEqual(byGet);
    expect(byGet.body.id).toEqual(expect.any(Number));
  });

  it.each(['GET', 'POST'] as const)(
    'answers the retired %s /v1/user/me with 400 and -9',
    async (method) => {
      const answer = await call(method, '/v1/user/me');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe(-9);
    },
  );

  it('accepts the access token as an access_token query parameter of /v2/user/me', async () => {
    const access = await userToken();
    const answer = await call('GET', '/v2/user/me', { query: { access_token: access } });
    expect(answer.status).toBe(200);
    expect(answer.body.id).toEqual(expect.any(Number));
  });

  itSandboxOnly(
    'grants enabled profile and email items and answers their fields',
    NEEDS_CONSENT_PAGE,
    async () => {
      const { access, scope } = await login(app, [
        'profile_nickname',
        'profile_image',
        'account_email',
      ]);
      expect(scope.split(' ')).toEqual(
        expect.arrayContaining(['profile_nickname', 'profile_image', 'account_email']),
      );
      const me = await client.users.getMe(access, { secureResource: true });
      expect(me.properties).toEqual({
        nickname: expect.any(String) as string,
        profile_image: expect.stringMatching(/^https:\/\//) as string,
        thumbnail_image: expect.stringMatching(/^https:\/\//) as string,
      });
      expect(me.kakao_account).toMatchObject({
        profile_image_needs_agreement: false,
        profile: {
          nickname: me.properties?.nickname,
          profile_image_url: me.properties?.profile_image,
          thumbnail_image_url: me.properties?.thumbnail_image,
          is_default_image: false,
        },
        has_email: true,
        email_needs_agreement: false,
        is_email_valid: true,
        is_email_verified: true,
        email: expect.stringContaining('@') as string,
      });
    },
  );

  itSandboxOnly('asks every enabled item when scope is omitted', NEEDS_CONSENT_PAGE, async () => {
    const { scope } = await login(app);
    expect(scope.split(' ')).toEqual(
      expect.arrayContaining(['profile_nickname', 'profile_image', 'account_email']),
    );
  });

  itSandboxOnly('leaves out the fields of items not agreed to', NEEDS_CONSENT_PAGE, async () => {
    const { access } = await login(app, ['profile_nickname']);
    const me = await client.users.getMe(access);
    expect(me.kakao_account).toMatchObject({
      profile_image_needs_agreement: true,
      email_needs_agreement: true,
    });
    expect(me.kakao_account).not.toHaveProperty('email');
    expect(me.kakao_account?.profile).not.toHaveProperty('profile_image_url');
  });

  itSandboxOnly(
    'answers KOE205 for an item the app did not enable',
    NEEDS_CONSENT_PAGE,
    async () => {
      const plain = await harness.control.createApp();
      const redirect = await consentThroughPage(
        harness.clientFor(plain).oauth.authorizeUrl({
          redirectUri: REDIRECT_URI,
          scopes: ['account_email'],
          state: 's',
        }),
        'new',
      );
      expect(redirect.searchParams.get('error')).toBe('invalid_scope');
      expect(redirect.searchParams.get('error_description')).toContain('account_email');
      // The profile items a new app enables by default are fine.
      await expect(login(plain, ['profile_nickname', 'profile_image'])).resolves.toMatchObject({
        scope: expect.stringContaining('profile_image') as string,
      });
    },
  );
});
