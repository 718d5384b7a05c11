import { randomBytes } from 'node:crypto';

import { RouteAccessScanner } from '@app/access';
import { type AuthUserResponse, type LoginResponse, Role } from '@app/accounts';
import { type ChannelEntity } from '@app/channels';
import {
  apiRequest,
  createAuthedClient,
  seedChannel,
  seedUser,
  type SeededUser,
} from '@app/testing';

import { type ApiUnderTest, startApi } from './support/api-under-test';

/** A client address of its own per test, so login throttling never leaks between tests. */
function freshIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

// argon2 makes every login take ~150 ms of CPU; on a busy machine a test of ten logins needs time.
jest.setTimeout(30_000);

describe('auth (login, sessions, the access guard)', () => {
  let api: ApiUnderTest;
  let channel: ChannelEntity;
  let marketer: SeededUser;

  const login = (email: string, password: string, ip = freshIp(), cookie?: string) =>
    apiRequest<LoginResponse>(api.url, 'POST', '/api/auth/login', {
      body: { email, password },
      headers: {
        'x-forwarded-for': ip,
        'user-agent': 'jest',
        ...(cookie === undefined ? {} : { cookie }),
      },
    });

  /** The `name=value` of the trusted-device cookie a successful login sets. */
  const deviceCookieOf = (response: { headers: Headers }): string =>
    (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  beforeAll(async () => {
    api = await startApi();
    channel = await seedChannel(api.app, { name: 'Auth channel' });
    marketer = await seedUser(api.app, {
      memberships: [{ channelId: channel.id, role: Role.Marketer }],
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('POST /api/auth/login', () => {
    it('answers a token and the user with their channels and roles', async () => {
      const started = Date.now();
      const response = await login(marketer.email.toUpperCase(), marketer.password);
      expect(response.status).toBe(200);
      expect(response.body.token).toMatch(/^kccs_[A-Za-z0-9_-]{43}$/);
      expect(response.body.user).toEqual({
        id: marketer.id,
        email: marketer.email,
        displayName: expect.any(String),
        isOperator: false,
        channels: [
          {
            id: channel.id,
            name: 'Auth channel',
            channelPublicId: channel.channelPublicId,
            role: 'marketer',
          },
        ],
      });
      const lifetimeMs = new Date(response.body.expiresAt).getTime() - started;
      expect(lifetimeMs).toBeGreaterThan(12 * 3600_000 - 60_000);
      expect(lifetimeMs).toBeLessThanOrEqual(12 * 3600_000 + 60_000);
    });

    it('answers the same 401 for a wrong password and an unknown email', async () => {
      const wrong = await login(marketer.email, 'not-the-password');
      const unknown = await login('nobody@test.local', 'not-the-password');
      for (const response of [wrong, unknown]) {
        expect(response.status).toBe(401);
        expect(response.body).toEqual({
          statusCode: 401,
          code: 'auth.invalid_credentials',
          message: 'Invalid email or password',
        });
      }
    });

    it('names the missing fields', async () => {
      const response = await apiRequest(api.url, 'POST', '/api/auth/login', {
        body: { email: marketer.email },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'validation_failed',
        errors: { password: expect.any(String) },
      });
    });

    it('answers 429 after five attempts from one address, even with the right password', async () => {
      const ip = freshIp();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await login(marketer.email, 'wrong-password', ip)).status).toBe(401);
      }
      const blocked = await login(marketer.email, marketer.password, ip);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({
        statusCode: 429,
        code: 'auth.too_many_attempts',
        message: expect.stringMatching(/for this email\. Try again in 1[45] minutes/),
        details: { retryAfterSeconds: expect.any(Number) },
      });
      const { retryAfterSeconds } = (
        blocked.body as unknown as { details: { retryAfterSeconds: number } }
      ).details;
      expect(blocked.headers.get('retry-after')).toBe(String(retryAfterSeconds));
      expect(retryAfterSeconds).toBeGreaterThan(14 * 60);
      // Another address is not blocked by this one's failures.
      expect((await login(marketer.email, marketer.password)).status).toBe(200);
    });

    it('answers 429 to an address after 30 failed logins across different emails', async () => {
      const ip = freshIp();
      for (let attempt = 1; attempt <= 30; attempt += 1) {
        // Unknown emails: each still costs a password hash, which is what the limit protects.
        expect((await login(`nobody-${attempt}@test.local`, 'wrong-password', ip)).status).toBe(
          401,
        );
      }
      // The address has now failed 30 times, for 30 different emails.
      const blocked = await login(marketer.email, marketer.password, ip);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({
        code: 'auth.too_many_attempts',
        message: expect.stringMatching(/from this address\. Try again in 1[45] minutes/),
      });
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
      // Other addresses sign in as before.
      expect((await login(marketer.email, marketer.password)).status).toBe(200);
    });

    it('lets the owner in from a browser that signed in before, while strangers lock the email', async () => {
      const owner = await seedUser(api.app, {
        memberships: [{ channelId: channel.id, role: Role.Marketer }],
      });
      const earlier = await login(owner.email, owner.password);
      expect(earlier.status).toBe(200);
      const setCookie = earlier.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^kcc_login_device=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain('Path=/api/auth/login');
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      const ownerDevice = deviceCookieOf(earlier);
      expect(JSON.stringify(earlier.body)).not.toContain(ownerDevice.split('=')[1]);

      // Twenty failures from twenty addresses: the per-email limit from anywhere is reached.
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        expect((await login(owner.email, 'guessing-wrong', freshIp())).status).toBe(401);
      }
      const stranger = await login(owner.email, owner.password, freshIp());
      expect(stranger.status).toBe(429);
      expect(stranger.headers.get('retry-after')).toMatch(/^\d+$/);
      // Another account's device cookie does not help.
      const other = await login(marketer.email, marketer.password);
      expect(
        (await login(owner.email, owner.password, freshIp(), deviceCookieOf(other))).status,
      ).toBe(429);
      expect(
        (await login(owner.email, owner.password, freshIp(), 'kcc_login_device=forged')).status,
      ).toBe(429);

      // The owner's browser, from a new address, gets in; the cookie is renewed, not replaced.
      const again = await login(owner.email, owner.password, freshIp(), ownerDevice);
      expect(again.status).toBe(200);
      expect(deviceCookieOf(again)).toBe(ownerDevice);
      // A wrong password from that browser is still a 401, and still counted per address.
      const ip = freshIp();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await login(owner.email, 'guessing-wrong', ip, ownerDevice)).status).toBe(401);
      }
      expect((await login(owner.email, owner.password, ip, ownerDevice)).status).toBe(429);
    });

    it('clears the counter after a successful login', async () => {
      const ip = freshIp();
      for (let round = 0; round < 2; round += 1) {
        for (let attempt = 1; attempt <= 4; attempt += 1) {
          expect((await login(marketer.email, 'wrong-password', ip)).status).toBe(401);
        }
        expect((await login(marketer.email, marketer.password, ip)).status).toBe(200);
      }
    });

    it('tells a disabled user so only when the password is right', async () => {
      const user = await seedUser(api.app, {
        memberships: [{ channelId: channel.id, role: Role.Manager }],
      });
      const admin = await seedUser(api.app, {
        memberships: [{ channelId: channel.id, role: Role.Admin }],
      });
      const client = await createAuthedClient(api.url, admin);
      const current = await client.get<{ version: number }>(`/api/users/${user.id}`);
      expect(
        (
          await client.put(`/api/users/${user.id}`, {
            version: current.body.version,
            disabled: true,
          })
        ).status,
      ).toBe(200);

      const right = await login(user.email, user.password);
      expect(right.status).toBe(403);
      expect(right.body).toMatchObject({ code: 'auth.account_disabled' });
      const wrong = await login(user.email, 'wrong-password');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ code: 'auth.invalid_credentials' });
    });
  });

  describe('sessions', () => {
    it('GET /api/auth/me answers the signed-in user', async () => {
      const client = await createAuthedClient(api.url, marketer);
      const me = await client.get<AuthUserResponse>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toEqual(client.user);
    });

    it('logout ends the session at once, and only that one', async () => {
      const first = await createAuthedClient(api.url, marketer);
      const second = await createAuthedClient(api.url, marketer);
      expect((await first.post('/api/auth/logout')).status).toBe(204);
      const after = await first.get('/api/auth/me');
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ code: 'auth.invalid_token' });
      expect((await second.get('/api/auth/me')).status).toBe(200);
    });

    it.each([
      ['no Authorization header', undefined, 'auth.missing_token'],
      ['a garbage token', 'Bearer garbage', 'auth.invalid_token'],
      ['a well-formed unknown token', `Bearer kccs_${'A'.repeat(43)}`, 'auth.invalid_token'],
      ['another scheme', 'Basic bWU6cGFzcw==', 'auth.invalid_token'],
    ])('answers 401 with the envelope for %s', async (_name, authorization, code) => {
      const response = await apiRequest(api.url, 'GET', '/api/auth/me', {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, code, message: expect.any(String) });
    });
  });

  describe('channel scoping', () => {
    it('needs X-Channel-Id from users of several channels, and refuses foreign channels', async () => {
      const other = await seedChannel(api.app);
      const foreign = await seedChannel(api.app);
      const manager = await seedUser(api.app, {
        memberships: [
          { channelId: channel.id, role: Role.Manager },
          { channelId: other.id, role: Role.Manager },
        ],
      });
      const client = await createAuthedClient(api.url, manager);
      const ambiguous = await client.get('/api/audit-log');
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body).toMatchObject({
        code: 'access.channel_required',
        errors: { 'X-Channel-Id': expect.any(String) },
      });
      expect((await client.inChannel(other.id).get('/api/audit-log')).status).toBe(200);
      const notMember = await client.inChannel(foreign.id).get('/api/audit-log');
      expect(notMember.status).toBe(403);
      expect(notMember.body).toMatchObject({ code: 'access.not_channel_member' });
      expect((await client.inChannel('not-a-uuid').get('/api/audit-log')).status).toBe(400);
    });

    it('uses the only channel of a one-channel user without a header', async () => {
      const client = await createAuthedClient(api.url, marketer);
      const denied = await client.get('/api/audit-log');
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ code: 'access.permission_denied' });
    });
  });

  describe('every route is guarded', () => {
    it('has @Public, @Authenticated or @RequirePermission on each controller route', () => {
      const scanner = api.app.get(RouteAccessScanner);
      const routes = scanner.routes();
      expect(routes.length).toBeGreaterThan(10);
      expect(scanner.unguardedRoutes().map((route) => `${route.route} ${route.handler}`)).toEqual(
        [],
      );
      const ruleOf = (route: string) => routes.find((entry) => entry.route === route)?.rule;
      expect(ruleOf('POST /auth/login')).toEqual({ kind: 'public' });
      expect(ruleOf('GET /health')).toEqual({ kind: 'public' });
      expect(ruleOf('GET /auth/me')).toEqual({ kind: 'authenticated' });
      expect(ruleOf('PUT /channels/:id')).toEqual({
        kind: 'permission',
        permission: 'channel.manage',
        channelParam: 'id',
      });
      expect(ruleOf('POST /users')).toEqual({ kind: 'permission', permission: 'user.manage' });
      // The queue board spans every channel: no channel role opens it, only the operator flag.
      expect(ruleOf('POST /queue-board/ticket')).toEqual({ kind: 'operator' });
    });

    it('lists only public routes as public', () => {
      const publicRoutes = api.app
        .get(RouteAccessScanner)
        .routes()
        .filter((route) => route.rule?.kind === 'public')
        .map((route) => route.route)
        .sort();
      // Opt-in and tracking pages are for people without accounts (tracking tokens are signed);
      // the ingest API has its own key guard.
      expect(publicRoutes).toEqual([
        'GET /health',
        // Probes of orchestrators, which carry no session.
        'GET /health/live',
        'GET /health/ready',
        'GET /join/:channelPublicId',
        'GET /join/:channelPublicId/callback',
        'GET /l/:token',
        'GET /r/:token',
        'POST /auth/login',
        'POST /ingest/recipients',
        'POST /join/:channelPublicId/start',
        'POST /l/:token/follow',
        'POST /l/:token/subscribe',
      ]);
    });
  });
});
