/**
 * @jest-environment node
 */

import { ROLE_PERMISSIONS, ROLES, type Role } from '@admin/access/permissions';
import { type ConsolePermissions, createAuthProvider } from '@admin/authProvider';
import { type FetchLike } from '@admin/httpClient';
import { SessionStore } from '@admin/session';
import { memoryStorage } from '@admin/test/memoryStorage';
import { ROLE_PERMISSIONS as API_ROLE_PERMISSIONS } from '@server/permission';

const API = 'http://console.test/api';

function loginAnswer(roles: Record<string, Role>, isOperator = false) {
  return {
    token: 'kccs_token',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: {
      id: 'u1',
      email: 'someone@demo.local',
      displayName: 'Someone',
      isOperator,
      channels: Object.entries(roles).map(([id, role]) => ({
        id,
        name: `Channel ${id}`,
        channelPublicId: `_${id}`,
        role,
      })),
    },
  };
}

function setup(roles: Record<string, Role> = { a: 'marketer' }, isOperator = false) {
  const storage = memoryStorage();
  const session = new SessionStore(storage);
  const requests: { url: string; method: string; body: unknown; auth: string | null }[] = [];
  const fetch: FetchLike = (url, init = {}) => {
    requests.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      auth: new Headers(init.headers).get('authorization'),
    });
    if (url.endsWith('/auth/login')) {
      const body = JSON.parse(typeof init.body === 'string' ? init.body : '{}') as {
        password: string;
      };
      return Promise.resolve(
        body.password === 'demo-password'
          ? Response.json(loginAnswer(roles, isOperator))
          : Response.json(
              {
                statusCode: 401,
                code: 'auth.invalid_credentials',
                message: 'Invalid email or password',
              },
              { status: 401 },
            ),
      );
    }
    if (url.endsWith('/auth/logout')) {
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    return Promise.resolve(Response.json(loginAnswer(roles, isOperator).user));
  };
  const authProvider = createAuthProvider({ apiUrl: API, session, fetch });
  return { authProvider, session, storage, requests };
}

const can = (
  authProvider: ReturnType<typeof setup>['authProvider'],
  resource: string,
  action: string,
) => authProvider.canAccess!({ resource, action });

describe('authProvider', () => {
  it('signs in with the email as username and keeps the session', async () => {
    const { authProvider, session, requests } = setup();
    await expect(
      authProvider.login({ username: 'marketer@demo.local', password: 'demo-password' }),
    ).resolves.toEqual({ redirectTo: '/' });
    expect(requests[0]?.body).toEqual({ email: 'marketer@demo.local', password: 'demo-password' });
    expect(session.token()).toBe('kccs_token');
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
  });

  it('explains a refused sign-in in the user’s language', async () => {
    const { authProvider, session } = setup();
    await expect(
      authProvider.login({ username: 'marketer@demo.local', password: 'wrong' }),
    ).rejects.toMatchObject({ status: 401, message: 'app.error.auth.invalid_credentials' });
    expect(session.get()).toBeNull();
    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ message: false });
  });

  it('returns the role in the current channel and its permissions', async () => {
    const { authProvider, session } = setup({ a: 'marketer', b: 'manager' });
    await authProvider.login({ username: 'x', password: 'demo-password' });
    const inA = (await authProvider.getPermissions!({})) as ConsolePermissions;
    expect(inA.role).toBe('marketer');
    expect(inA.channelId).toBe('a');
    expect(inA.permissions).toEqual(expect.arrayContaining(['campaign.write', 'campaign.submit']));
    expect(inA.permissions).not.toContain('campaign.approve');

    session.selectChannel('b');
    const inB = (await authProvider.getPermissions!({})) as ConsolePermissions;
    expect(inB.role).toBe('manager');
    expect(inB.permissions).toContain('campaign.approve');
    expect(inB.permissions).not.toContain('campaign.write');
  });

  it.each<[Role, string, string, boolean]>([
    ['marketer', 'campaigns', 'create', true],
    ['marketer', 'campaigns', 'submit', true],
    ['marketer', 'campaigns', 'approve', false],
    ['marketer', 'campaigns', 'publish', true],
    ['marketer', 'audit-log', 'list', false],
    ['marketer', 'users', 'list', false],
    ['manager', 'campaigns', 'edit', false],
    ['manager', 'campaigns', 'approve', true],
    ['manager', 'campaigns', 'reject', true],
    ['manager', 'audit-log', 'list', true],
    ['manager', 'users', 'list', true],
    ['manager', 'users', 'edit', false],
    ['manager', 'channels', 'edit', false],
    ['scheduler', 'campaigns', 'list', true],
    ['scheduler', 'campaigns', 'create', false],
    ['scheduler', 'campaigns', 'publish', false],
    ['scheduler', 'calendar', 'list', true],
    ['admin', 'users', 'create', true],
    ['admin', 'channels', 'edit', true],
    ['admin', 'campaigns', 'unknown-action', false],
  ])('a %s may %s/%s: %s', async (role, resource, action, allowed) => {
    const { authProvider } = setup({ a: role });
    await authProvider.login({ username: 'x', password: 'demo-password' });
    await expect(can(authProvider, resource, action)).resolves.toBe(allowed);
  });

  it.each<[string, Role, boolean, boolean]>([
    ['an admin who is not an operator', 'admin', false, false],
    ['an operator who is only a marketer', 'marketer', true, true],
    ['an admin who is an operator', 'admin', true, true],
  ])('shows the queue board to %s: %s', async (_who, role, isOperator, allowed) => {
    const { authProvider } = setup({ a: role }, isOperator);
    await authProvider.login({ username: 'x', password: 'demo-password' });
    await expect(can(authProvider, 'queues', 'list')).resolves.toBe(allowed);
    // /auth/me refreshes the flag the same way.
    await authProvider.getIdentity!();
    await expect(can(authProvider, 'queues', 'list')).resolves.toBe(allowed);
  });

  it('denies everything when signed out', async () => {
    const { authProvider } = setup();
    await expect(can(authProvider, 'campaigns', 'list')).resolves.toBe(false);
  });

  it('signs out on 401 but not on 403', async () => {
    const { authProvider, session } = setup();
    await authProvider.login({ username: 'x', password: 'demo-password' });
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(session.get()).not.toBeNull();
    await expect(authProvider.checkError({ status: 401 })).rejects.toThrow();
    expect(session.get()).toBeNull();
  });

  it('ends the session on the server when signing out', async () => {
    const { authProvider, session, requests } = setup();
    await authProvider.login({ username: 'x', password: 'demo-password' });
    await authProvider.logout({});
    expect(requests.at(-1)).toMatchObject({ method: 'POST', auth: 'Bearer kccs_token' });
    expect(requests.at(-1)?.url).toBe(`${API}/auth/logout`);
    expect(session.get()).toBeNull();
  });

  it('refreshes the user (and their roles) from /auth/me', async () => {
    const { authProvider } = setup({ a: 'admin' });
    await authProvider.login({ username: 'x', password: 'demo-password' });
    await expect(authProvider.getIdentity!()).resolves.toMatchObject({
      id: 'u1',
      fullName: 'Someone',
      currentChannelId: 'a',
    });
  });

  it('forgets an expired session', () => {
    const storage = memoryStorage();
    const expired = new SessionStore(storage, () => Date.parse('3000-01-01T00:00:00Z'));
    expired.set(loginAnswer({ a: 'admin' }));
    expect(expired.get()).toBeNull();
  });
});

describe('the admin’s permission map', () => {
  it('mirrors the API’s ROLE_PERMISSIONS exactly', () => {
    for (const role of ROLES) {
      expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...API_ROLE_PERMISSIONS[role]].sort());
    }
    expect(Object.keys(API_ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });
});
