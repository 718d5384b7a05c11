import { request } from 'undici';

import { type KakaoClient } from '@app/kakao-client';

import {
  type ContractHarness,
  kakaoError,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

const REDIRECT_URI = 'http://127.0.0.1:9/oauth/callback';

interface ConsentForm {
  action: string;
  fields: Record<string, string>;
  userIds: string[];
}

/** Reads the consent page the way a browser would: the form target and its hidden inputs. */
function readConsentForm(html: string): ConsentForm {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) {
    throw new Error(`no consent form in: ${html.slice(0, 300)}`);
  }
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  const userIds = [...html.matchAll(/name="user_id" value="([^"]+)"/g)].map((m) => m[1]);
  return { action, fields, userIds };
}

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly('drives the consent page and moves the sandbox clock');

describeContract('OAuth (2.7)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;
  let person: SandboxUser;

  /** Opens the consent page, picks `userId` (null: declines), and answers the redirect target. */
  const consent = async (
    userId: string | null,
    scopes: string[] = ['talk_message', 'talk_calendar'],
  ): Promise<URL> => {
    const url = client.oauth.authorizeUrl({ redirectUri: REDIRECT_URI, scopes, state: 'xyz 1' });
    const page = await request(url, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    const form = readConsentForm(await page.body.text());
    expect(form.userIds).toContain(userId ?? 'new');
    const decision = await request(new URL(form.action, harness.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...form.fields,
        ...(userId === null ? { action: 'deny' } : { user_id: userId, action: 'allow' }),
      }).toString(),
    });
    await decision.body.text();
    expect(decision.statusCode).toBe(302);
    return new URL(String(decision.headers.location));
  };

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp();
    client = harness.clientFor(app);
    person = await harness.control.createUser(app, { nickname: 'Opt-in', scopes: [] });
  });
  afterAll(() => harness.close());

  it('builds an authorize URL with client_id, redirect_uri, response_type, scope and state', () => {
    const url = new URL(
      client.oauth.authorizeUrl({
        redirectUri: REDIRECT_URI,
        scopes: ['talk_message', 'friends'],
        state: 's',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${harness.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: app.rest_api_key,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'talk_message,friends',
      state: 's',
    });
  });

  it('exchanges the code of a consent for tokens that carry the consented scopes', async () => {
    const redirect = await consent(String(person.user_id));
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe('xyz 1');
    const code = redirect.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const token = await client.oauth.exchangeCode({ code, redirectUri: REDIRECT_URI });
    expect(token).toEqual({
      token_type: 'bearer',
      access_token: expect.any(String) as string,
      expires_in: expect.any(Number) as number,
      refresh_token: expect.any(String) as string,
      refresh_token_expires_in: expect.any(Number) as number,
      scope: expect.stringContaining('talk_message') as string,
    });
    expect(token.scope?.split(' ')).toEqual(
      expect.arrayContaining(['talk_message', 'talk_calendar']),
    );
    await expect(client.users.getMe(token.access_token)).resolves.toMatchObject({
      id: person.user_id,
    });
    await expect(client.calendar.listCalendars(token.access_token)).resolves.toBeDefined();
  });

  it('answers KOE320 for a code used twice', async () => {
    const code = (await consent(String(person.user_id))).searchParams.get('code') ?? '';
    await client.oauth.exchangeCode({ code, redirectUri: REDIRECT_URI });
    const error = await kakaoError(client.oauth.exchangeCode({ code, redirectUri: REDIRECT_URI }));
    expect(error).toMatchObject({
      kind: 'oauth',
      status: 400,
      error: 'invalid_grant',
      errorCode: 'KOE320',
      retryable: false,
    });
  });

  it('answers KOE320 for an expired code (10 minutes)', async () => {
    const code = (await consent(String(person.user_id))).searchParams.get('code') ?? '';
    await harness.control.advanceClock(11 * 60 * 1000);
    await expect(
      client.oauth.exchangeCode({ code, redirectUri: REDIRECT_URI }),
    ).rejects.toMatchObject({
      errorCode: 'KOE320',
    });
  });

  it('answers KOE006 when the redirect URI differs from the authorize call', async () => {
    const code = (await consent(String(person.user_id))).searchParams.get('code') ?? '';
    await expect(
      client.oauth.exchangeCode({ code, redirectUri: 'http://127.0.0.1:9/elsewhere' }),
    ).rejects.toMatchObject({ kind: 'oauth', errorCode: 'KOE006' });
  });

  it('redirects with error=access_denied when the person declines', async () => {
    const redirect = await consent(null);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe('xyz 1');
    expect(redirect.searchParams.get('code')).toBeNull();
  });

  it('refreshes an access token with the refresh token', async () => {
    const user = await harness.control.createUser(app);
    const refreshed = await client.refreshAccessToken(user.refresh_token);
    expect(refreshed.accessToken).not.toBe(user.access_token);
    expect(refreshed.expiresIn).toBeGreaterThan(0);
    expect(refreshed.refreshToken).toEqual(expect.any(String));
    await expect(client.users.getAccessTokenInfo(refreshed.accessToken)).resolves.toMatchObject({
      id: user.user_id,
    });
  });

  it('rotates the refresh token only when it has under a month left', async () => {
    const user = await harness.control.createUser(app);
    const early = await client.oauth.refreshAccessToken(user.refresh_token);
    expect(early.refresh_token).toBeUndefined();
    await harness.control.advanceClock(40 * 24 * 3_600_000);
    const late = await client.oauth.refreshAccessToken(user.refresh_token);
    expect(late.refresh_token).toEqual(expect.any(String));
    expect(late.refresh_token).not.toBe(user.refresh_token);
  });

  it('answers KOE322 for an unknown refresh token', async () => {
    const error = await kakaoError(client.oauth.refreshAccessToken('not-a-refresh-token'));
    expect(error).toMatchObject({
      kind: 'oauth',
      status: 400,
      errorCode: 'KOE322',
      retryable: false,
    });
  });

  it('answers KOE101 for an unknown client_id and KOE010 for a wrong client secret', async () => {
    const user = await harness.control.createUser(app);
    await expect(
      client.oauth.refreshAccessToken(user.refresh_token, { restApiKey: 'nobody' }),
    ).rejects.toMatchObject({ kind: 'oauth', errorCode: 'KOE101' });
    const guarded = await harness.control.createApp({ require_client_secret: true });
    const guardedUser = await harness.control.createUser(guarded);
    await expect(
      harness
        .clientFor(guarded)
        .oauth.refreshAccessToken(guardedUser.refresh_token, { clientSecret: 'wrong' }),
    ).rejects.toMatchObject({ kind: 'oauth', errorCode: 'KOE010' });
  });

  it('ignores a client secret sent to an app that does not require one', async () => {
    const user = await harness.control.createUser(app);
    await expect(
      client.oauth.refreshAccessToken(user.refresh_token, { clientSecret: 'kakao' }),
    ).resolves.toMatchObject({ access_token: expect.any(String) as string });
  });

  it('shows KOE006 for an unregistered redirect URI instead of redirecting', async () => {
    const url = client.oauth.authorizeUrl({ redirectUri: 'https://evil.example/cb' });
    const page = await request(url);
    const body = await page.body.text();
    expect(page.statusCode).toBe(400);
    expect(body).toContain('KOE006');
  });
});
