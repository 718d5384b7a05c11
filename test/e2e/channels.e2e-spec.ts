import { Role } from '@app/accounts';
import { type AuditLogResponse } from '@app/audit';
import { type ChannelEntity, type ChannelResponse, ChannelsService } from '@app/channels';
import { type ApiClient, createAuthedClient, seedChannel, seedUser } from '@app/testing';

import { type ApiUnderTest, startApi } from './support/api-under-test';

jest.setTimeout(30_000);

type UserChannel = ChannelResponse & { role: string };

const ORIGINAL_ADMIN_KEY = 'original-admin-key-0123456789abcdef';
const NEW_KEYS = {
  restApiKey: 'rest-key-fedcba9876543210fedcba98',
  adminKey: 'admin-key-00112233445566778899aabb',
  clientSecret: 'client-secret-a1b2c3d4e5f6a7b8c9',
};

describe('channels (settings, write-only keys, foreign channels)', () => {
  let api: ApiUnderTest;
  let channel: ChannelEntity;
  let foreign: ChannelEntity;
  let admin: ApiClient;
  let marketer: ApiClient;
  let foreignAdmin: ApiClient;

  function expectNoSecrets(value: unknown): void {
    const text = JSON.stringify(value);
    for (const secret of [ORIGINAL_ADMIN_KEY, ...Object.values(NEW_KEYS)]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/"v1\./);
    expect(text).not.toMatch(/sealed/i);
  }

  beforeAll(async () => {
    api = await startApi();
    channel = await seedChannel(api.app, {
      name: 'Settings channel',
      adminKey: ORIGINAL_ADMIN_KEY,
    });
    foreign = await seedChannel(api.app, {
      name: 'Foreign channel',
      adminKey: 'foreign-admin-key',
    });
    const adminUser = await seedUser(api.app, {
      memberships: [{ channelId: channel.id, role: Role.Admin }],
    });
    admin = await createAuthedClient(api.url, adminUser);
    marketer = await createAuthedClient(
      api.url,
      await seedUser(api.app, { memberships: [{ channelId: channel.id, role: Role.Marketer }] }),
    );
    foreignAdmin = await createAuthedClient(
      api.url,
      await seedUser(api.app, { memberships: [{ channelId: foreign.id, role: Role.Admin }] }),
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it("GET /api/channels lists only the caller's channels, with their role", async () => {
    const response = await marketer.get<UserChannel[]>('/api/channels');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe('channels 0-0/1');
    expect(response.body).toEqual([
      expect.objectContaining({
        id: channel.id,
        name: 'Settings channel',
        role: 'marketer',
        timeZone: 'Asia/Seoul',
        hasAdminKey: true,
        hasRestApiKey: false,
      }),
    ]);
    expectNoSecrets(response.body);
  });

  it('GET /api/channels/:id answers members and shows keys only as flags', async () => {
    const response = await marketer.get<UserChannel>(`/api/channels/${channel.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: channel.id, role: 'marketer', hasAdminKey: true });
    expectNoSecrets(response.body);
  });

  it("answers 404 for another channel's record, whatever the header says", async () => {
    for (const client of [admin, admin.inChannel(foreign.id), marketer]) {
      const response = await client.get(`/api/channels/${foreign.id}`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        statusCode: 404,
        code: 'access.channel_not_found',
        message: `Channel ${foreign.id} not found`,
      });
    }
    const update = await admin.put(`/api/channels/${foreign.id}`, { version: 1, name: 'Mine now' });
    expect(update.status).toBe(404);
    expect((await admin.get('/api/channels/not-a-uuid')).status).toBe(404);
    // Same answer as for an id that exists nowhere.
    const unknown = await admin.get('/api/channels/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await foreignAdmin.get(`/api/channels/${foreign.id}`)).status).toBe(200);
  });

  it('lets only admins change settings', async () => {
    const response = await marketer.put(`/api/channels/${channel.id}`, {
      version: 1,
      name: 'Renamed by a marketer',
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'access.permission_denied' });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '+09:00' }, 'timeZone'],
    [{ quietHoursStart: '25:00' }, 'quietHoursStart'],
    [{ quietHoursEnd: '8:00' }, 'quietHoursEnd'],
    [{ name: '' }, 'name'],
    [{ name: null }, 'name'],
    [{ timeZone: null }, 'timeZone'],
    [{ approvalRequired: 'no' }, 'approvalRequired'],
    [{ adminKey: '' }, 'adminKey'],
    [{ restApiKey: 'has spaces in it' }, 'restApiKey'],
    [{ channelPublicId: '_other' }, 'channelPublicId'],
    [{ version: undefined }, 'version'],
    [{ quietHoursStart: '08:00', quietHoursEnd: '08:00' }, 'quietHoursEnd'],
  ])('rejects %j naming %s', async (change, field) => {
    const response = await admin.put<{ errors: Record<string, string> }>(
      `/api/channels/${channel.id}`,
      { version: 1, ...change },
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });

  it('updates settings and sealed keys, answers 409 on a stale version, and audits it', async () => {
    const before = await admin.get<UserChannel>(`/api/channels/${channel.id}`);
    const response = await admin.request<UserChannel>(
      'PUT',
      `/api/channels/${channel.id}`,
      {
        version: before.body.version,
        name: 'Settings channel (renamed)',
        timeZone: 'asia/tokyo',
        quietHoursStart: '22:00',
        quietHoursEnd: '07:30',
        approvalRequired: false,
        ...NEW_KEYS,
      },
      { 'x-forwarded-for': '198.51.100.23' },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Settings channel (renamed)',
      timeZone: 'Asia/Tokyo',
      quietHoursStart: '22:00',
      quietHoursEnd: '07:30',
      approvalRequired: false,
      hasRestApiKey: true,
      hasAdminKey: true,
      hasClientSecret: true,
      version: before.body.version + 1,
      role: 'admin',
    });
    expectNoSecrets(response.body);

    // The keys are stored sealed and open again for the Kakao client.
    const service = api.app.get(ChannelsService);
    const stored = await service.get(channel.id);
    expect(stored.adminKeySealed).toMatch(/^v1\./);
    expect(service.credentials(stored)).toEqual(NEW_KEYS);

    const stale = await admin.put<{ details: { current: ChannelResponse } }>(
      `/api/channels/${channel.id}`,
      { version: before.body.version, name: 'Lost update' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'channel.version_conflict',
      details: {
        current: { name: 'Settings channel (renamed)', version: before.body.version + 1 },
      },
    });
    expectNoSecrets(stale.body);

    const audit = await admin.get<AuditLogResponse[]>(
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'channel.update' }))}`,
    );
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({
      actorUserId: admin.user.id,
      actorEmail: admin.user.email,
      channelId: channel.id,
      ip: '198.51.100.23',
      entityType: 'channel',
      entityId: channel.id,
      before: {
        name: 'Settings channel',
        timeZone: 'Asia/Seoul',
        approvalRequired: true,
        hasAdminKey: true,
        hasRestApiKey: false,
      },
      after: {
        name: 'Settings channel (renamed)',
        timeZone: 'Asia/Tokyo',
        approvalRequired: false,
        hasRestApiKey: true,
        keysReplaced: ['restApiKey', 'adminKey', 'clientSecret'],
      },
    });
    expectNoSecrets(audit.body);
  });

  it('changes nothing and writes no audit row when nothing differs', async () => {
    const current = await admin.get<UserChannel>(`/api/channels/${channel.id}`);
    const response = await admin.put<UserChannel>(`/api/channels/${channel.id}`, {
      version: current.body.version,
      name: current.body.name,
    });
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(current.body.version);
    const audit = await admin.get<AuditLogResponse[]>('/api/audit-log');
    expect(audit.body.filter((row) => row.action === 'channel.update')).toHaveLength(1);
  });
});
