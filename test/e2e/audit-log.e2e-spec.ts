import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { Role } from '@app/accounts';
import { type AuditLogResponse, AuditService, systemActor } from '@app/audit';
import { type ChannelEntity } from '@app/channels';
import { TransactionRunner } from '@app/database';
import { type ApiClient, createAuthedClient, seedChannel, seedUser } from '@app/testing';

import { type ApiUnderTest, startApi } from './support/api-under-test';

jest.setTimeout(30_000);

function query(params: {
  filter?: object;
  sort?: [string, string];
  range?: [number, number];
}): string {
  const parts = Object.entries(params).map(
    ([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`,
  );
  return `/api/audit-log?${parts.join('&')}`;
}

describe('audit log (listing, filters, foreign channels, append-only)', () => {
  let api: ApiUnderTest;
  let channel: ChannelEntity;
  let foreign: ChannelEntity;
  let admin: ApiClient;
  let manager: ApiClient;
  let foreignAdmin: ApiClient;
  let startedAt: string;

  async function rename(client: ApiClient, channelId: string, name: string): Promise<void> {
    const current = await client.get<{ version: number }>(`/api/channels/${channelId}`);
    const response = await client.put(`/api/channels/${channelId}`, {
      version: current.body.version,
      name,
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    api = await startApi();
    channel = await seedChannel(api.app, { name: 'Audited' });
    foreign = await seedChannel(api.app, { name: 'Foreign' });
    const seeded = await Promise.all(
      [
        [channel, Role.Admin],
        [channel, Role.Manager],
        [foreign, Role.Admin],
      ].map(([target, role]) =>
        seedUser(api.app, {
          memberships: [{ channelId: (target as ChannelEntity).id, role: role as Role }],
        }),
      ),
    );
    [admin, manager, foreignAdmin] = await Promise.all(
      seeded.map((user) => createAuthedClient(api.url, user)),
    );
    startedAt = new Date().toISOString();
    await rename(admin, channel.id, 'Audited 1');
    await rename(admin, channel.id, 'Audited 2');
    await rename(foreignAdmin, foreign.id, 'Foreign secret plans');
  });

  afterAll(async () => {
    await api?.close();
  });

  it("shows managers the channel's rows, newest first, with Content-Range", async () => {
    const response = await manager.get<AuditLogResponse[]>(
      query({ filter: { action: 'channel.update' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe('audit-log 0-1/2');
    expect(response.body.map((row) => row.after?.name)).toEqual(['Audited 2', 'Audited 1']);
    expect(JSON.stringify(response.body)).not.toContain('Foreign secret plans');
  });

  it('pages and sorts', async () => {
    const all = await manager.get<AuditLogResponse[]>(query({ sort: ['at', 'ASC'] }));
    const total = Number(all.headers.get('content-range')?.split('/')[1]);
    expect(total).toBeGreaterThanOrEqual(4);
    const second = await manager.get<AuditLogResponse[]>(
      query({ sort: ['at', 'ASC'], range: [1, 1] }),
    );
    expect(second.headers.get('content-range')).toBe(`audit-log 1-1/${total}`);
    expect(second.body).toEqual([all.body[1]]);
  });

  it('filters by actor, entity and time', async () => {
    const byActor = await manager.get<AuditLogResponse[]>(
      query({ filter: { actorUserId: admin.user.id } }),
    );
    expect(byActor.body.length).toBe(2);
    expect(byActor.body.every((row) => row.actorEmail === admin.user.email)).toBe(true);

    const byEntity = await manager.get<AuditLogResponse[]>(
      query({ filter: { entityType: 'channel', entityId: channel.id } }),
    );
    expect(byEntity.body.map((row) => row.action)).toEqual(['channel.update', 'channel.update']);

    const future = new Date(Date.now() + 3600_000).toISOString();
    const inWindow = await manager.get<AuditLogResponse[]>(
      query({ filter: { action: 'channel.update', from: startedAt, to: future } }),
    );
    expect(inWindow.body).toHaveLength(2);
    const later = await manager.get<AuditLogResponse[]>(query({ filter: { from: future } }));
    expect(later.body).toEqual([]);
    expect(later.headers.get('content-range')).toBe('audit-log */0');
  });

  it('names a bad filter', async () => {
    const response = await manager.get(query({ filter: { from: 'last tuesday' } }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: { 'filter.from': expect.any(String) } });
  });

  it('is closed to marketers and schedulers', async () => {
    for (const role of [Role.Marketer, Role.Scheduler]) {
      const client = await createAuthedClient(
        api.url,
        await seedUser(api.app, { memberships: [{ channelId: channel.id, role }] }),
      );
      expect((await client.get('/api/audit-log')).status).toBe(403);
    }
  });

  it("never shows another channel's rows", async () => {
    const viaHeader = await manager.inChannel(foreign.id).get('/api/audit-log');
    expect(viaHeader.status).toBe(403);
    expect(viaHeader.body).toMatchObject({ code: 'access.not_channel_member' });
    const viaFilter = await manager.get<AuditLogResponse[]>(
      query({ filter: { entityType: 'channel', entityId: foreign.id } }),
    );
    expect(viaFilter.status).toBe(200);
    expect(viaFilter.body).toEqual([]);
    const own = await foreignAdmin.get<AuditLogResponse[]>(
      query({ filter: { entityId: foreign.id } }),
    );
    expect(own.body.map((row) => row.after?.name)).toEqual(['Foreign secret plans']);
  });

  it('rejects UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    // A plain connection, as someone with database access would use, not the app's.
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      const before = await client.query('SELECT count(*)::int AS count FROM "audit_log"');
      await expect(
        client.query(`UPDATE "audit_log" SET "action" = 'forged.action'`),
      ).rejects.toThrow(/append-only: UPDATE/);
      await expect(client.query('DELETE FROM "audit_log"')).rejects.toThrow(/append-only: DELETE/);
      await expect(client.query('TRUNCATE "audit_log"')).rejects.toThrow(/append-only: TRUNCATE/);
      const after = await client.query('SELECT count(*)::int AS count FROM "audit_log"');
      expect(after.rows).toEqual(before.rows);
      const forged = await client.query(
        `SELECT 1 FROM "audit_log" WHERE "action" = 'forged.action'`,
      );
      expect(forged.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('writes rows only with their transaction, and refuses to write outside one', async () => {
    const audit = api.app.get(AuditService);
    const transactions = api.app.get(TransactionRunner);
    const entry = {
      actor: systemActor(channel.id),
      action: 'test.rolled_back',
      entityType: 'test',
      entityId: 'x',
    };
    await expect(
      transactions.run(async (manager) => {
        await audit.record(manager, entry);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await manager.get<AuditLogResponse[]>(
      query({ filter: { action: 'test.rolled_back' } }),
    );
    expect(rows.body).toEqual([]);
    await expect(audit.record(api.app.get(DataSource).manager, entry)).rejects.toThrow(
      /open transaction/,
    );
  });
});
