import { type LoginResponse, Role, type UserResponse } from '@app/accounts';
import { type AuditLogResponse } from '@app/audit';
import { type ChannelEntity } from '@app/channels';
import {
  type ApiClient,
  apiRequest,
  createAuthedClient,
  seedChannel,
  seedUser,
  type SeededUser,
} from '@app/testing';

import { type ApiUnderTest, startApi } from './support/api-under-test';

jest.setTimeout(30_000);

const ADMIN_IP = '203.0.113.7';

describe('users (admin CRUD, roles, audit)', () => {
  let api: ApiUnderTest;
  let channel: ChannelEntity;
  let otherChannel: ChannelEntity;
  let foreignChannel: ChannelEntity;
  let adminUser: SeededUser;
  let admin: ApiClient;
  const members: Partial<Record<Role, SeededUser>> = {};
  let foreigner: SeededUser;

  const login = (email: string, password: string) =>
    apiRequest<LoginResponse>(api.url, 'POST', '/api/auth/login', { body: { email, password } });

  async function auditOf(entityId: string): Promise<AuditLogResponse[]> {
    const response = await admin.get<AuditLogResponse[]>(
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityType: 'user', entityId }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  beforeAll(async () => {
    api = await startApi();
    channel = await seedChannel(api.app, { name: 'Users channel' });
    otherChannel = await seedChannel(api.app, { name: 'Second channel' });
    foreignChannel = await seedChannel(api.app, { name: 'Foreign channel' });
    adminUser = await seedUser(api.app, {
      displayName: 'Channel Admin',
      memberships: [
        { channelId: channel.id, role: Role.Admin },
        { channelId: otherChannel.id, role: Role.Admin },
      ],
    });
    for (const role of [Role.Marketer, Role.Manager, Role.Scheduler]) {
      members[role] = await seedUser(api.app, { memberships: [{ channelId: channel.id, role }] });
    }
    foreigner = await seedUser(api.app, {
      memberships: [{ channelId: foreignChannel.id, role: Role.Admin }],
    });
    // Every admin request comes from a known address, to check the audit trail records it.
    admin = await createAuthedClient(api.url, {
      ...adminUser,
      channelId: channel.id,
      headers: { 'x-forwarded-for': ADMIN_IP },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the users of the current channel in the simple-rest format', async () => {
    const response = await admin.get<UserResponse[]>(
      `/api/users?sort=${encodeURIComponent('["email","ASC"]')}&range=${encodeURIComponent('[0,1]')}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe('users 0-1/4');
    expect(response.body).toHaveLength(2);
    const all = await admin.get<UserResponse[]>('/api/users?range=[0,99]');
    const emails = all.body.map((user) => user.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails).not.toContain(foreigner.email);
    const own = all.body.find((user) => user.id === adminUser.id);
    expect(own).toMatchObject({
      role: 'admin',
      memberships: expect.arrayContaining([
        { channelId: channel.id, role: 'admin' },
        { channelId: otherChannel.id, role: 'admin' },
      ]),
    });
    expect(JSON.stringify(all.body)).not.toMatch(/password|argon2/i);

    const filtered = await admin.get<UserResponse[]>(
      `/api/users?filter=${encodeURIComponent(JSON.stringify({ role: 'scheduler' }))}`,
    );
    expect(filtered.body.map((user) => user.email)).toEqual([members[Role.Scheduler]?.email]);
  });

  it('lets managers read users, and nobody but admins change them', async () => {
    const manager = await createAuthedClient(api.url, members[Role.Manager] as SeededUser);
    expect((await manager.get('/api/users')).status).toBe(200);
    for (const role of [Role.Marketer, Role.Scheduler]) {
      const client = await createAuthedClient(api.url, members[role] as SeededUser);
      const response = await client.get('/api/users');
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'access.permission_denied' });
    }
    for (const role of [Role.Marketer, Role.Manager, Role.Scheduler]) {
      const client = await createAuthedClient(api.url, members[role] as SeededUser);
      const created = await client.post('/api/users', {
        email: `sneaky-${role}@test.local`,
        displayName: 'Sneaky',
        password: 'a-long-enough-password',
        memberships: [{ channelId: channel.id, role: 'admin' }],
      });
      expect(created.status).toBe(403);
      const target = members[Role.Marketer] as SeededUser;
      expect(
        (await client.put(`/api/users/${target.id}`, { version: 1, disabled: true })).status,
      ).toBe(403);
    }
  });

  it('answers 404 for users of other channels', async () => {
    const response = await admin.get(`/api/users/${foreigner.id}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'user.not_found' });
    expect(
      (await admin.put(`/api/users/${foreigner.id}`, { version: 1, disabled: true })).status,
    ).toBe(404);
  });

  describe('create', () => {
    it('creates a user with roles who can then sign in, and audits it', async () => {
      const response = await admin.post<UserResponse>('/api/users', {
        email: '  New.Marketer@Test.Local ',
        displayName: ' New Marketer ',
        password: 'new-marketer-password',
        memberships: [
          { channelId: channel.id, role: 'marketer' },
          { channelId: otherChannel.id, role: 'scheduler' },
        ],
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        email: 'new.marketer@test.local',
        displayName: 'New Marketer',
        disabled: false,
        role: 'marketer',
        version: 1,
      });
      expect(response.body.memberships).toEqual(
        expect.arrayContaining([
          { channelId: channel.id, role: 'marketer' },
          { channelId: otherChannel.id, role: 'scheduler' },
        ]),
      );
      const signedIn = await login('new.marketer@test.local', 'new-marketer-password');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.channels).toHaveLength(2);

      const audit = await auditOf(response.body.id);
      expect(audit.map((row) => row.action)).toEqual(['user.create', 'user.membership_add']);
      expect(audit[0]).toMatchObject({
        actorUserId: adminUser.id,
        actorEmail: adminUser.email,
        channelId: channel.id,
        ip: ADMIN_IP,
        before: null,
        after: { email: 'new.marketer@test.local', displayName: 'New Marketer', disabled: false },
      });
      expect(JSON.stringify(audit)).not.toMatch(/new-marketer-password|argon2/);
      // The membership in the second channel is in that channel's log.
      const otherLog = await admin
        .inChannel(otherChannel.id)
        .get<AuditLogResponse[]>(
          `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: response.body.id }))}`,
        );
      expect(otherLog.body).toEqual([
        expect.objectContaining({
          action: 'user.membership_add',
          after: { channelId: otherChannel.id, role: 'scheduler' },
        }),
      ]);
    });

    it('refuses a taken email, naming the field', async () => {
      const response = await admin.post('/api/users', {
        email: (members[Role.Marketer] as SeededUser).email.toUpperCase(),
        displayName: 'Twin',
        password: 'another-long-password',
        memberships: [{ channelId: channel.id, role: 'marketer' }],
      });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'user.email_taken',
        errors: { email: 'is already taken' },
      });
    });

    it.each([
      [{ password: 'short' }, 'password'],
      [{ email: 'not-an-email' }, 'email'],
      [{ displayName: '   ' }, 'displayName'],
      [{ memberships: [] }, 'memberships'],
      [{ memberships: [{ channelId: 'x', role: 'admin' }] }, 'memberships.0.channelId'],
      [{ memberships: [{ role: 'owner' }] }, 'memberships.0.role'],
      [{ isAdmin: true }, 'isAdmin'],
    ])('rejects %j naming %s', async (change, field) => {
      const response = await admin.post<{ errors: Record<string, string> }>('/api/users', {
        email: 'valid@test.local',
        displayName: 'Valid',
        password: 'valid-long-password',
        memberships: [{ channelId: channel.id, role: 'marketer' }],
        ...change,
      });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toContain(field);
    });

    it('grants roles only in channels the admin administers, and in the current one', async () => {
      const base = {
        email: 'scoped@test.local',
        displayName: 'Scoped',
        password: 'scoped-long-password',
      };
      const foreign = await admin.post('/api/users', {
        ...base,
        memberships: [
          { channelId: channel.id, role: 'marketer' },
          { channelId: foreignChannel.id, role: 'admin' },
        ],
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body).toMatchObject({
        code: 'user.invalid_memberships',
        errors: { 'memberships.1.channelId': 'is not a channel you administer' },
      });
      const elsewhere = await admin.post('/api/users', {
        ...base,
        memberships: [{ channelId: otherChannel.id, role: 'marketer' }],
      });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body).toMatchObject({ errors: { memberships: expect.any(String) } });
    });
  });

  describe('update', () => {
    let target: SeededUser;
    let targetClient: ApiClient;

    beforeAll(async () => {
      target = await seedUser(api.app, {
        displayName: 'Target',
        memberships: [{ channelId: channel.id, role: Role.Marketer }],
      });
      targetClient = await createAuthedClient(api.url, target);
    });

    it('changes name and roles under optimistic concurrency and audits before/after', async () => {
      const current = await admin.get<UserResponse>(`/api/users/${target.id}`);
      expect(current.body.version).toBe(1);
      const updated = await admin.put<UserResponse>(`/api/users/${target.id}`, {
        version: 1,
        displayName: 'Target Renamed',
        memberships: [
          { channelId: channel.id, role: 'manager' },
          { channelId: otherChannel.id, role: 'marketer' },
        ],
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        displayName: 'Target Renamed',
        role: 'manager',
        version: 2,
      });

      const stale = await admin.put<{ details: { current: UserResponse } }>(
        `/api/users/${target.id}`,
        { version: 1, displayName: 'Lost update' },
      );
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        code: 'user.version_conflict',
        details: { current: { id: target.id, displayName: 'Target Renamed', version: 2 } },
      });

      const audit = await auditOf(target.id);
      const update = audit.find((row) => row.action === 'user.update');
      expect(update).toMatchObject({
        actorEmail: adminUser.email,
        ip: ADMIN_IP,
        before: { displayName: 'Target' },
        after: { displayName: 'Target Renamed' },
      });
      expect(audit.find((row) => row.action === 'user.membership_update')).toMatchObject({
        before: { channelId: channel.id, role: 'marketer' },
        after: { channelId: channel.id, role: 'manager' },
      });
      // The session sees the new role at once: roles are read per request.
      const me = await targetClient.get<{ channels: { id: string; role: string }[] }>(
        '/api/auth/me',
      );
      expect(me.body.channels).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: channel.id, role: 'manager' })]),
      );
    });

    it('a password reset ends the sessions and takes the new password', async () => {
      const before = await admin.get<UserResponse>(`/api/users/${target.id}`);
      const reset = await admin.put(`/api/users/${target.id}`, {
        version: before.body.version,
        password: 'brand-new-password',
      });
      expect(reset.status).toBe(200);
      expect((await targetClient.get('/api/auth/me')).status).toBe(401);
      expect((await login(target.email, target.password)).status).toBe(401);
      expect((await login(target.email, 'brand-new-password')).status).toBe(200);
      const audit = await auditOf(target.id);
      expect(audit.at(-1)).toMatchObject({ action: 'user.update', after: { passwordReset: true } });
      expect(JSON.stringify(audit)).not.toContain('brand-new-password');
    });

    it('disabling ends the sessions and blocks sign-in', async () => {
      const session = await createAuthedClient(api.url, {
        email: target.email,
        password: 'brand-new-password',
      });
      const before = await admin.get<UserResponse>(`/api/users/${target.id}`);
      const disabled = await admin.put<UserResponse>(`/api/users/${target.id}`, {
        version: before.body.version,
        disabled: true,
      });
      expect(disabled.body.disabled).toBe(true);
      expect((await session.get('/api/auth/me')).status).toBe(401);
      expect((await login(target.email, 'brand-new-password')).status).toBe(403);
    });

    it('keeps admins from locking themselves out', async () => {
      const self = await admin.get<UserResponse>(`/api/users/${adminUser.id}`);
      const disable = await admin.put(`/api/users/${adminUser.id}`, {
        version: self.body.version,
        disabled: true,
      });
      expect(disable.status).toBe(400);
      expect(disable.body).toMatchObject({
        code: 'user.self_lockout',
        errors: { disabled: expect.any(String) },
      });
      const demote = await admin.put(`/api/users/${adminUser.id}`, {
        version: self.body.version,
        memberships: [{ channelId: channel.id, role: 'marketer' }],
      });
      expect(demote.status).toBe(400);
      const rename = await admin.put<UserResponse>(`/api/users/${adminUser.id}`, {
        version: self.body.version,
        displayName: 'Admin Renamed',
      });
      expect(rename.status).toBe(200);
    });

    it.each([
      [{ displayName: null }, 'displayName'],
      [{ disabled: null }, 'disabled'],
      [{ memberships: null }, 'memberships'],
    ])('rejects %j naming %s', async (change, field) => {
      const response = await admin.put<{ errors: Record<string, string> }>(
        `/api/users/${target.id}`,
        { version: 1, ...change },
      );
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('requires the version', async () => {
      const response = await admin.put<{ errors: Record<string, string> }>(
        `/api/users/${target.id}`,
        { displayName: 'No version' },
      );
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['version']);
    });
  });
});
