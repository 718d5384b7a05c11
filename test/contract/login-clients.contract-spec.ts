// Login libraries nobody here wrote, each pointed at the sandbox the way its users point it at a
// test server: each goes through the consent page, gets its tokens and reads the profile.

import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { Auth, type AuthConfig } from '@auth/core';
import Kakao from '@auth/core/providers/kakao';
import grant from 'grant';
import * as oidc from 'openid-client';
import { Strategy as KakaoStrategy } from 'passport-kakao';
import { request } from 'undici';

import { consentThroughPage } from './consent-browser';
import { type ContractHarness, type SandboxApp, startContractHarness } from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

/** Cookies a browser would keep between requests (name → value). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly(
  "a person must agree on Kakao's consent screen; the sandbox's consent page stands in",
);

describeContract('real login clients against the sandbox (2.7, 2.8)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp({
      consent_items: ['profile_nickname', 'profile_image', 'account_email', 'openid'],
    });
  });
  afterAll(() => harness.close());

  it('passport-kakao: logs in (sending its default secret) and reads the profile by ?access_token=', async () => {
    const callbackURL = 'http://127.0.0.1:9/auth/kakao/callback';
    // No clientSecret: passport-kakao then sends "kakao", which an app without one ignores.
    const strategy = new KakaoStrategy(
      { clientID: app.rest_api_key, callbackURL },
      (accessToken, _refreshToken, profile, done) => done(null, { accessToken, profile }),
    );
    strategy._oauth2._authorizeUrl = `${harness.authBaseUrl}/oauth/authorize`;
    strategy._oauth2._accessTokenUrl = `${harness.authBaseUrl}/oauth/token`;
    strategy._userProfileURL = `${harness.apiBaseUrl}/v2/user/me`;

    type Outcome =
      | { kind: 'redirect'; url: string }
      | {
          kind: 'success';
          user: { profile: { username?: string; _json: Record<string, unknown> } };
        }
      | { kind: 'fail' | 'error'; detail: unknown };
    const run = (query: Record<string, string>, options: Record<string, unknown>) =>
      new Promise<Outcome>((resolve) => {
        const attempt = Object.create(strategy) as typeof strategy & Record<string, unknown>;
        attempt.redirect = (url: string) => resolve({ kind: 'redirect', url });
        attempt.success = (user: never) => resolve({ kind: 'success', user });
        attempt.fail = (detail: unknown) => resolve({ kind: 'fail', detail });
        attempt.error = (detail: unknown) => resolve({ kind: 'error', detail });
        attempt.authenticate(
          { query, url: '/auth/kakao', headers: { host: '127.0.0.1' } },
          options,
        );
      });

    const start = await run({}, { scope: ['profile_nickname', 'profile_image'] });
    expect(start.kind).toBe('redirect');
    const callback = await consentThroughPage((start as { url: string }).url, 'new');
    const done = await run(Object.fromEntries(callback.searchParams), {});
    expect(done).toMatchObject({ kind: 'success' });
    const { profile } = (done as Extract<Outcome, { kind: 'success' }>).user;
    expect(profile.username).toEqual(expect.any(String));
    expect(profile._json).toMatchObject({
      properties: { profile_image: expect.stringMatching(/^https?:\/\//) as string },
    });
  });

  it("Auth.js's Kakao provider: signs in with PKCE and its session carries name and image", async () => {
    const origin = 'http://localhost:3000';
    const config: AuthConfig = {
      basePath: '/auth',
      secret: 'contract-test-secret-0123456789abcdef0123456789',
      trustHost: true,
      logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
      providers: [
        Kakao({
          clientId: app.rest_api_key,
          clientSecret: app.client_secret,
          authorization: {
            url: `${harness.authBaseUrl}/oauth/authorize`,
            params: { scope: 'profile_nickname,profile_image,account_email' },
          },
          token: `${harness.authBaseUrl}/oauth/token`,
          userinfo: `${harness.apiBaseUrl}/v2/user/me`,
        }),
      ],
    };
    const jar = new CookieJar();
    const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
      const headers = new Headers(init.headers);
      headers.set('cookie', jar.header());
      const response = await Auth(new Request(new URL(path, origin), { ...init, headers }), config);
      jar.take(response.headers.getSetCookie());
      return response;
    };

    const { csrfToken } = (await (await send('/auth/csrf')).json()) as { csrfToken: string };
    const signIn = await send('/auth/signin/kakao', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: origin }).toString(),
    });
    const authorizeUrl = new URL(signIn.headers.get('location') ?? '');
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await consentThroughPage(authorizeUrl.toString(), 'new');
    const finished = await send(`${callback.pathname}${callback.search}`);
    expect(finished.headers.get('location')).not.toContain('error');
    const session = (await (await send('/auth/session')).json()) as {
      user?: { name?: string; email?: string; image?: string };
    };
    expect(session.user).toEqual({
      name: expect.any(String) as string,
      email: expect.stringContaining('@') as string,
      // The scheme is http unless a client asks /v2/user/me for secure_resource=true.
      image: expect.stringMatching(/^https?:\/\//) as string,
    });
  });

  describe('grant', () => {
    let server: Server;
    let origin: string;
    const jar = new CookieJar();

    function startGrant(profileUrl: string | undefined): Promise<void> {
      const handler = grant.node({
        config: {
          defaults: { origin: 'http://127.0.0.1', transport: 'state', prefix: '/connect' },
          kakao: {
            key: app.rest_api_key,
            secret: app.client_secret,
            authorize_url: `${harness.authBaseUrl}/oauth/authorize`,
            access_url: `${harness.authBaseUrl}/oauth/token`,
            ...(profileUrl === undefined ? {} : { profile_url: profileUrl }),
            scope: ['profile_nickname', 'profile_image'],
            response: ['tokens', 'profile'],
          },
        },
        session: { secret: 'grant-contract-secret' },
      });
      server = createServer((req, res) => {
        void handler(req, res, {}).then(({ redirect, response }) => {
          if (redirect) {
            return;
          }
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(response ?? {}));
        });
      });
      return new Promise((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          resolve();
        }),
      );
    }

    async function login(): Promise<Record<string, unknown>> {
      // grant builds its redirect_uri from `origin`; the sandbox accepts any loopback URI.
      const start = await request(`${origin}/connect/kakao`);
      jar.take([start.headers['set-cookie'] ?? []].flat());
      await start.body.text();
      const authorizeUrl = String(start.headers.location).replace(
        'http://127.0.0.1/connect',
        `${origin}/connect`,
      );
      const callback = await consentThroughPage(authorizeUrl, 'new');
      const finished = await request(`${origin}${callback.pathname}${callback.search}`, {
        headers: { cookie: jar.header() },
      });
      return (await finished.body.json()) as Record<string, unknown>;
    }

    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('logs in and reads the profile with the image once profile_url is /v2/user/me', async () => {
      await startGrant(`${harness.apiBaseUrl}/v2/user/me`);
      const response = await login();
      expect(response).toMatchObject({
        access_token: expect.any(String) as string,
        profile: {
          id: expect.any(Number) as number,
          properties: { profile_image: expect.stringMatching(/^https?:\/\//) as string },
        },
      });
    });

    it("gets Kakao's retirement answer (-9) from its built-in /v1/user/me profile URL", async () => {
      await startGrant(`${harness.apiBaseUrl}/v1/user/me`);
      const response = await login();
      expect(response.access_token).toEqual(expect.any(String));
      expect(response).toMatchObject({ profile: { error: { code: -9 } } });
    });
  });

  it('openid-client: discovers the sandbox, logs in with PKCE and nonce, and reads user info', async () => {
    const config = await oidc.discovery(
      new URL(harness.authBaseUrl),
      app.rest_api_key,
      app.client_secret,
      undefined,
      { execute: [oidc.allowInsecureRequests] },
    );
    const redirectUri = 'http://127.0.0.1:9/oidc/callback';
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const state = oidc.randomState();
    const authorizeUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile_nickname profile_image account_email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce,
      state,
    });
    const callback = await consentThroughPage(authorizeUrl.toString(), 'new');
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedNonce: nonce,
      expectedState: state,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({ iss: harness.authBaseUrl, aud: app.rest_api_key, nonce });
    const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, claims?.sub ?? '');
    expect(userInfo).toMatchObject({
      sub: claims?.sub,
      nickname: expect.any(String) as string,
      picture: expect.stringMatching(/^https:\/\//) as string,
      email: expect.stringContaining('@') as string,
    });
  });
});
