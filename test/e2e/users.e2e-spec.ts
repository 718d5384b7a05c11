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

  /** Signs in; from an address of its own when given, so the login throttle stays out of the way. */
  const login = (email: string, password: string, ip?: string) =>
    apiRequest<LoginResponse>(api.url, 'POST', '/api/auth/login', {
      body: { email, password },
      headers: ip === undefined ? {} : { 'x-forwarded-for': ip },
    });

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

    it.each([['aaaaaaaaaaaa'], ['password1234'], ['qwertyuiopasdf'], ['weak-password']])(
      'refuses the easily guessed password %s, naming the field',
      async (password) => {
        const response = await admin.post('/api/users', {
          email: 'weak@test.local',
          displayName: 'Weak',
          password,
          memberships: [{ channelId: channel.id, role: 'marketer' }],
        });
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          code: 'user.weak_password',
          errors: { password: expect.stringMatching(/^is too easy to guess/) },
        });
      },
    );

    it('adds an account of other channels without touching it or saying it existed', async () => {
      const elsewhere = await seedUser(api.app, {
        displayName: 'Lives Elsewhere',
        memberships: [{ channelId: foreignChannel.id, role: Role.Admin }],
      });
      const request = {
        email: elsewhere.email.toUpperCase(),
        displayName: 'Chosen By A',
        password: 'chosen-by-the-a-admin',
        memberships: [{ channelId: channel.id, role: 'marketer' }],
      };
      const added = await admin.post<UserResponse>('/api/users', request);
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ id: elsewhere.id, role: 'marketer', disabled: false });
      // Only this channel's role is shown: the other channel stays unnamed.
      expect(added.body.memberships).toEqual([{ channelId: channel.id, role: 'marketer' }]);
      expect(JSON.stringify(added.body)).not.toContain(foreignChannel.id);
      // The account keeps its own password and name; the one the admin typed does not work.
      expect((await login(elsewhere.email, 'chosen-by-the-a-admin')).status).toBe(401);
      const own = await login(elsewhere.email, elsewhere.password);
      expect(own.status).toBe(200);
      expect(own.body.user.displayName).toBe('Lives Elsewhere');
      expect(own.body.user.channels.map((entry) => entry.id).sort()).toEqual(
        [channel.id, foreignChannel.id].sort(),
      );
      // Now it is in this channel: a second add is the usual 409.
      const twice = await admin.post('/api/users', request);
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'user.email_taken' });
      // The other channel's log is untouched; this channel's shows the role it gave.
      const audit = await auditOf(elsewhere.id);
      expect(audit.map((row) => row.action)).toEqual(['user.membership_add']);
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

    it('refuses an easily guessed new password', async () => {
      const before = await admin.get<UserResponse>(`/api/users/${target.id}`);
      const response = await admin.put(`/api/users/${target.id}`, {
        version: before.body.version,
        password: 'password1234',
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'user.weak_password',
        errors: { password: expect.stringMatching(/^is too easy to guess/) },
      });
      const after = await admin.get<UserResponse>(`/api/users/${target.id}`);
      expect(after.body.version).toBe(before.body.version);
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

  describe('account-wide fields (name, password, disabled)', () => {
    /** A marketer here and an admin of a channel this admin does not run. */
    let shared: SeededUser;
    let sharedClient: ApiClient;

    beforeAll(async () => {
      shared = await seedUser(api.app, {
        displayName: 'Shared Account',
        memberships: [
          { channelId: channel.id, role: Role.Marketer },
          { channelId: foreignChannel.id, role: Role.Admin },
        ],
      });
      sharedClient = await createAuthedClient(api.url, { ...shared, channelId: foreignChannel.id });
    });

    async function logOf(channelId: string, entityId: string): Promise<AuditLogResponse[]> {
      const client = channelId === foreignChannel.id ? sharedClient : admin.inChannel(channelId);
      const response = await client.get<AuditLogResponse[]>(
        `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityType: 'user', entityId }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
      );
      expect(response.status).toBe(200);
      return response.body;
    }

    it('shows this channel only of an account that is also in other channels', async () => {
      const listed = await admin.get<UserResponse[]>('/api/users?range=[0,99]');
      const row = listed.body.find((user) => user.id === shared.id);
      expect(row?.memberships).toEqual([{ channelId: channel.id, role: 'marketer' }]);
      const one = await admin.get<UserResponse>(`/api/users/${shared.id}`);
      expect(one.body.memberships).toEqual([{ channelId: channel.id, role: 'marketer' }]);
      expect(JSON.stringify([listed.body, one.body])).not.toContain(foreignChannel.id);
    });

    it.each([
      ['a password reset', { password: 'taken-over-by-another-admin' }, ['password']],
      ['disabling', { disabled: true }, ['disabled']],
      ['a rename', { displayName: 'Renamed Elsewhere' }, ['displayName']],
      [
        'all three',
        { password: 'taken-over-by-another-admin', disabled: true, displayName: 'X' },
        ['disabled', 'displayName', 'password'],
      ],
    ])(
      'refuses %s by an admin who does not run every channel of the account (403)',
      async (_what, change, fields) => {
        const before = await admin.get<UserResponse>(`/api/users/${shared.id}`);
        const response = await admin.put<{
          code: string;
          message: string;
          errors: Record<string, string>;
        }>(`/api/users/${shared.id}`, { version: before.body.version, ...change });
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('user.account_wide_forbidden');
        expect(Object.keys(response.body.errors).sort()).toEqual(fields);
        // Nothing names the other channel, or says how many there are.
        const text = JSON.stringify(response.body);
        for (const leak of [
          foreignChannel.id,
          foreignChannel.name,
          foreignChannel.channelPublicId,
        ]) {
          expect(text).not.toContain(leak);
        }
        expect(response.body.message).not.toMatch(/\d/);
        // The account is as it was: same version, same password, still signed in.
        const after = await admin.get<UserResponse>(`/api/users/${shared.id}`);
        expect(after.body).toEqual(before.body);
        expect((await sharedClient.get('/api/auth/me')).status).toBe(200);
        expect(
          (await login(shared.email, 'taken-over-by-another-admin', `198.51.100.${fields.length}`))
            .status,
        ).toBe(401);
      },
    );

    it('still lets the admin change the role in their own channel, name and flag sent unchanged', async () => {
      const before = await admin.get<UserResponse>(`/api/users/${shared.id}`);
      // The console's form sends every field; unchanged ones are not changes.
      const response = await admin.put<UserResponse>(`/api/users/${shared.id}`, {
        version: before.body.version,
        displayName: before.body.displayName,
        disabled: false,
        memberships: [{ channelId: channel.id, role: 'manager' }],
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ role: 'manager', displayName: 'Shared Account' });
      const me = await sharedClient.get<{ channels: { id: string; role: string }[] }>(
        '/api/auth/me',
      );
      expect(me.body.channels).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: foreignChannel.id, role: 'admin' }),
          expect.objectContaining({ id: channel.id, role: 'manager' }),
        ]),
      );
      // The refused changes left no trace; the role change is in this channel's log only.
      for (const channelId of [channel.id, foreignChannel.id]) {
        const actions = (await logOf(channelId, shared.id)).map((row) => row.action);
        expect(actions).not.toContain('user.update');
        expect(actions.includes('user.membership_update')).toBe(channelId === channel.id);
      }
    });

    it('lets an admin of every channel change the account, and logs it in each channel', async () => {
      const both = await seedUser(api.app, {
        displayName: 'In Both',
        memberships: [
          { channelId: channel.id, role: Role.Marketer },
          { channelId: otherChannel.id, role: Role.Scheduler },
        ],
      });
      const session = await createAuthedClient(api.url, { ...both, channelId: channel.id });
      let version = (await admin.get<UserResponse>(`/api/users/${both.id}`)).body.version;
      for (const change of [
        { displayName: 'In Both Renamed' },
        { password: 'reset-by-the-admin-of-both' },
        { disabled: true },
      ]) {
        const response = await admin.put<UserResponse>(`/api/users/${both.id}`, {
          version,
          ...change,
        });
        expect(response.status).toBe(200);
        version = response.body.version;
      }
      expect((await session.get('/api/auth/me')).status).toBe(401);
      expect((await login(both.email, 'reset-by-the-admin-of-both')).status).toBe(403);
      for (const channelId of [channel.id, otherChannel.id]) {
        const updates = (await logOf(channelId, both.id)).filter(
          (row) => row.action === 'user.update',
        );
        expect(updates.map((row) => [row.channelId, row.after])).toEqual([
          [channelId, expect.objectContaining({ displayName: 'In Both Renamed' })],
          [channelId, expect.objectContaining({ passwordReset: true })],
          [channelId, expect.objectContaining({ disabled: true })],
        ]);
        expect(updates.every((row) => row.actorUserId === adminUser.id)).toBe(true);
      }
    });

    it('lets the account change itself; its own password needs the current one', async () => {
      // As admin of the other channel, the account edits itself there.
      const self = await sharedClient.get<UserResponse>(`/api/users/${shared.id}`);
      const missing = await sharedClient.put(`/api/users/${shared.id}`, {
        version: self.body.version,
        password: 'my-own-new-passphrase',
      });
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({
        code: 'user.current_password_invalid',
        errors: { currentPassword: 'is required to change your own password' },
      });
      const wrong = await sharedClient.put(`/api/users/${shared.id}`, {
        version: self.body.version,
        password: 'my-own-new-passphrase',
        currentPassword: 'not-my-password',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({
        errors: { currentPassword: 'does not match your current password' },
      });
      const weak = await sharedClient.put(`/api/users/${shared.id}`, {
        version: self.body.version,
        password: 'password1234',
        currentPassword: shared.password,
      });
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({ code: 'user.weak_password' });

      const renamed = await sharedClient.put<UserResponse>(`/api/users/${shared.id}`, {
        version: self.body.version,
        displayName: 'Shared, Renamed By Itself',
      });
      expect(renamed.status).toBe(200);
      const changed = await sharedClient.put(`/api/users/${shared.id}`, {
        version: renamed.body.version,
        password: 'my-own-new-passphrase',
        currentPassword: shared.password,
      });
      expect(changed.status).toBe(200);
      expect((await login(shared.email, 'my-own-new-passphrase')).status).toBe(200);
      // Both channels' logs show the account's own changes.
      for (const channelId of [channel.id, foreignChannel.id]) {
        const client =
          channelId === foreignChannel.id
            ? await createAuthedClient(api.url, {
                email: shared.email,
                password: 'my-own-new-passphrase',
                channelId,
              })
            : admin;
        const updates = (
          await client.get<AuditLogResponse[]>(
            `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityType: 'user', entityId: shared.id }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
          )
        ).body.filter((row) => row.action === 'user.update');
        expect(updates.map((row) => row.after)).toEqual([
          expect.objectContaining({ displayName: 'Shared, Renamed By Itself' }),
          expect.objectContaining({ passwordReset: true }),
        ]);
      }
    });
  });
});
