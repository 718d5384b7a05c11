// Kakao Login as an OpenID Connect provider (2.8) and PKCE: the discovery document, the keys,
// ID tokens with `nonce`, ID-token info and OIDC user info, checked with `jose`.

import { createHash } from 'node:crypto';

import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
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

const REDIRECT_URI = 'http://127.0.0.1:9/oidc/callback';

interface TokenAnswer {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
}

describeContract('OpenID Connect and PKCE (2.8)', RUNS_IN_PARITY, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;

  async function authorize(query: Record<string, string>, userId = 'new'): Promise<string> {
    const url = new URL(`${harness.authBaseUrl}/oauth/authorize`);
    for (const [key, value] of Object.entries({
      client_id: app.rest_api_key,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      ...query,
    })) {
      url.searchParams.set(key, value);
    }
    const redirect = await consentThroughPage(url.toString(), userId);
    const code = redirect.searchParams.get('code');
    if (code === null) {
      throw new Error(`no code: ${redirect.toString()}`);
    }
    return code;
  }

  async function token(
    form: Record<string, string>,
  ): Promise<{ status: number; body: TokenAnswer & Record<string, unknown> }> {
    const response = await request(`${harness.authBaseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: app.rest_api_key,
        redirect_uri: REDIRECT_URI,
        ...form,
      }).toString(),
    });
    return {
      status: response.statusCode,
      body: (await response.body.json()) as TokenAnswer & Record<string, unknown>,
    };
  }

  beforeAll(async () => {
    harness = await startContractHarness();
    app = harness.parity
      ? parityApp(harness.parity)
      : await harness.control.createApp({
          consent_items: ['profile_nickname', 'profile_image', 'account_email', 'openid'],
        });
    client = harness.clientFor(app);
  });
  afterAll(() => harness.close());

  it('publishes a discovery document and its keys', async () => {
    const discovery = await request(`${harness.authBaseUrl}/.well-known/openid-configuration`);
    const document = (await discovery.body.json()) as Record<string, unknown>;
    expect(document).toMatchObject({
      issuer: harness.authBaseUrl,
      authorization_endpoint: `${harness.authBaseUrl}/oauth/authorize`,
      token_endpoint: `${harness.authBaseUrl}/oauth/token`,
      jwks_uri: `${harness.authBaseUrl}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(String(document.userinfo_endpoint)).toMatch(/\/v1\/oidc\/userinfo$/);
    const jwks = await request(String(document.jwks_uri));
    const keys = ((await jwks.body.json()) as { keys: Record<string, unknown>[] }).keys;
    expect(keys).toEqual([
      expect.objectContaining({ kty: 'RSA', alg: 'RS256', kid: expect.any(String) as string }),
    ]);
    expect(keys[0]).not.toHaveProperty('d');
  });

  itSandboxOnly(
    'adds an RS256 ID token with the nonce when openid is granted',
    'needs a sandbox app with openid enabled and a consent on the page',
    async () => {
      const code = await authorize({
        scope: 'openid,profile_nickname,profile_image,account_email',
        nonce: 'n-123',
      });
      const answer = await token({ code });
      expect(answer.status).toBe(200);
      expect(answer.body.scope?.split(' ')).toContain('openid');
      const idToken = answer.body.id_token ?? '';
      const keys = createRemoteJWKSet(new URL(`${harness.authBaseUrl}/.well-known/jwks.json`));
      const { payload, protectedHeader } = await jwtVerify(idToken, keys, {
        issuer: harness.authBaseUrl,
        audience: app.rest_api_key,
      });
      expect(protectedHeader.alg).toBe('RS256');
      expect(payload).toMatchObject({
        sub: expect.stringMatching(/^\d+$/) as string,
        nonce: 'n-123',
        auth_time: expect.any(Number) as number,
        nickname: expect.any(String) as string,
        picture: expect.stringMatching(/^https:\/\//) as string,
        email: expect.stringContaining('@') as string,
      });

      // ID-token info answers the verified claims; a tampered token is refused.
      const info = await request(`${harness.authBaseUrl}/oauth/tokeninfo`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token: idToken }).toString(),
      });
      expect(info.statusCode).toBe(200);
      expect(await info.body.json()).toMatchObject({
        sub: payload.sub,
        nonce: 'n-123',
        aud: app.rest_api_key,
      });
      const tampered = await request(`${harness.authBaseUrl}/oauth/tokeninfo`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token: `${idToken.slice(0, -4)}AAAA` }).toString(),
      });
      expect(tampered.statusCode).toBe(400);
      await tampered.body.text();

      // OIDC user info, GET or POST, with the access token.
      for (const method of ['GET', 'POST'] as const) {
        const userInfo = await request(`${harness.apiBaseUrl}/v1/oidc/userinfo`, {
          method,
          headers: { authorization: `Bearer ${answer.body.access_token}` },
        });
        expect(await userInfo.body.json()).toEqual({
          sub: payload.sub,
          nickname: payload.nickname,
          picture: payload.picture,
          email: payload.email,
          email_verified: true,
        });
      }
    },
  );

  itSandboxOnly(
    'issues no ID token without openid, and OIDC user info then answers -402',
    'needs a sandbox app and a consent through the page',
    async () => {
      const code = await authorize({ scope: 'profile_nickname' });
      const answer = await token({ code });
      expect(answer.body.id_token).toBeUndefined();
      const userInfo = await request(`${harness.apiBaseUrl}/v1/oidc/userinfo`, {
        headers: { authorization: `Bearer ${answer.body.access_token}` },
      });
      expect(userInfo.statusCode).toBe(403);
      expect(await userInfo.body.json()).toMatchObject({ code: -402, required_scopes: ['openid'] });
    },
  );

  itSandboxOnly(
    'answers KOE205 for openid when the app has not enabled it',
    'needs a sandbox app with openid disabled',
    async () => {
      const plain = await harness.control.createApp();
      const redirect = await consentThroughPage(
        harness
          .clientFor(plain)
          .oauth.authorizeUrl({ redirectUri: REDIRECT_URI, scopes: ['openid'] }),
        'new',
      );
      expect(redirect.searchParams.get('error')).toBe('invalid_scope');
    },
  );

  itSandboxOnly(
    'issues no ID token for a later consent that does not ask for openid again',
    'needs consents on the page by the same sandbox user',
    async () => {
      const first = await token({ code: await authorize({ scope: 'openid,profile_nickname' }) });
      const sub = String(decodeJwt(first.body.id_token ?? '').sub);
      const again = await token({ code: await authorize({ scope: 'profile_image' }, sub) });
      expect(again.status).toBe(200);
      expect(again.body.scope?.split(' ')).toEqual(
        expect.arrayContaining(['openid', 'profile_image']),
      );
      expect(again.body.id_token).toBeUndefined();
    },
  );

  itSandboxOnly(
    'checks the PKCE code_verifier against the S256 challenge',
    'needs a consent through the page',
    async () => {
      const verifier = 'a-verifier-of-enough-length-0123456789-abcdefghijklmnop';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const wrong = await token({
        code: await authorize({
          scope: 'profile_nickname',
          code_challenge: challenge,
          code_challenge_method: 'S256',
        }),
        code_verifier: 'something-else-entirely-0123456789-abcdefghijklmnop',
      });
      expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      const missing = await token({
        code: await authorize({ scope: 'profile_nickname', code_challenge: challenge }),
      });
      expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      const right = await token({
        code: await authorize({ scope: 'profile_nickname', code_challenge: challenge }),
        code_verifier: verifier,
      });
      expect(right.status).toBe(200);
      await expect(client.users.getMe(right.body.access_token)).resolves.toMatchObject({
        id: expect.any(Number) as number,
      });
    },
  );
});
