import { Role } from '@app/accounts';
import { AudienceKind, AudiencesService } from '@app/audiences';
import { seedChannel, startTestStack, type TestStack } from '@app/testing';

jest.setTimeout(60_000);

const RULES = {
  combinator: 'and',
  children: [{ field: 'tags', operator: 'hasAny', value: ['vip'] }],
};

describe('audiences API: roles and channels', () => {
  let stack: TestStack;
  let mine: { id: string; version: number };
  let foreign: string;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    const created = await stack.call<{ id: string; version: number }>(
      Role.Scheduler,
      'POST',
      '/api/audiences',
      {
        name: 'VIPs',
        kind: 'dynamic',
        rules: RULES,
      },
    );
    expect(created.status).toBe(201);
    mine = created.body;
    const other = await seedChannel(stack.api, { name: 'Other channel' });
    foreign = (
      await stack.api
        .get(AudiencesService)
        .create(
          { userId: null, email: null, channelId: other.id, ip: null },
          { name: 'Theirs', kind: AudienceKind.Static },
        )
    ).id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lets managers read and preview, schedulers and admins manage, marketers nothing', async () => {
    for (const role of [Role.Manager, Role.Scheduler, Role.Admin]) {
      expect((await stack.call(role, 'GET', '/api/audiences')).status).toBe(200);
      expect((await stack.call(role, 'GET', `/api/audiences/${mine.id}`)).status).toBe(200);
      expect((await stack.call(role, 'GET', `/api/audiences/${mine.id}/size`)).status).toBe(200);
      expect(
        (await stack.call(role, 'POST', '/api/audiences/preview', { rules: RULES })).status,
      ).toBe(200);
    }
    for (const role of [Role.Manager, Role.Marketer]) {
      expect(
        (await stack.call(role, 'POST', '/api/audiences', { name: 'x', kind: 'static' })).status,
      ).toBe(403);
      expect(
        (await stack.call(role, 'PUT', `/api/audiences/${mine.id}`, { version: 1, name: 'y' }))
          .status,
      ).toBe(403);
      expect((await stack.call(role, 'DELETE', `/api/audiences/${mine.id}`)).status).toBe(403);
    }
    expect((await stack.call(Role.Marketer, 'GET', '/api/audiences')).status).toBe(403);
    expect(
      (await stack.call(Role.Marketer, 'POST', '/api/audiences/preview', { rules: RULES })).status,
    ).toBe(403);
    const admin = await stack.call(Role.Admin, 'POST', '/api/audiences', {
      name: 'Admin list',
      kind: 'static',
    });
    expect(admin.status).toBe(201);
  });

  it('answers 404 for an audience of another channel, over HTTP and to the blast engine', async () => {
    for (const [method, path, body] of [
      ['GET', `/api/audiences/${foreign}`, undefined],
      ['GET', `/api/audiences/${foreign}/size`, undefined],
      ['PUT', `/api/audiences/${foreign}`, { version: 1, name: 'mine now' }],
      ['DELETE', `/api/audiences/${foreign}`, undefined],
      ['POST', `/api/audiences/${foreign}/members`, { recipientIds: [mine.id] }],
    ] as const) {
      const answer = await stack.call<{ code: string }>(Role.Admin, method, path, body);
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('audience.not_found');
    }
    const service = stack.api.get(AudiencesService);
    await expect(service.get(stack.channel.id, foreign)).rejects.toMatchObject({
      code: 'audience.not_found',
    });
    await expect(service.count(stack.channel.id, foreign)).rejects.toMatchObject({
      code: 'audience.not_found',
    });
    await expect(service.recipientPage(stack.channel.id, foreign, null, 100)).rejects.toMatchObject(
      {
        code: 'audience.not_found',
      },
    );
    // Excluding another channel's audience is not possible either.
    const exclude = await stack.call<{ errors: Record<string, string> }>(
      Role.Scheduler,
      'POST',
      '/api/audiences',
      {
        name: 'Sneaky',
        kind: 'dynamic',
        rules: RULES,
        exclude: { audienceIds: [foreign] },
      },
    );
    expect(exclude.status).toBe(400);
    expect(exclude.body.errors['exclude.audienceIds[0]']).toContain('not found');
  });

  it('versions edits, keeps names unique, refuses rules on static lists, archives on delete', async () => {
    const renamed = await stack.call<{ version: number; name: string }>(
      Role.Scheduler,
      'PUT',
      `/api/audiences/${mine.id}`,
      {
        version: mine.version,
        name: 'Top VIPs',
      },
    );
    expect(renamed.body).toMatchObject({ name: 'Top VIPs', version: mine.version + 1 });
    expect(
      (
        await stack.call(Role.Scheduler, 'PUT', `/api/audiences/${mine.id}`, {
          version: mine.version,
          name: 'again',
        })
      ).status,
    ).toBe(409);
    const duplicate = await stack.call<{ code: string }>(Role.Scheduler, 'POST', '/api/audiences', {
      name: 'top vips',
      kind: 'static',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('audience.name_taken');
    const ruled = await stack.call<{ errors: Record<string, string> }>(
      Role.Scheduler,
      'POST',
      '/api/audiences',
      {
        name: 'Static with rules',
        kind: 'static',
        rules: RULES,
      },
    );
    expect(ruled.status).toBe(400);
    expect(Object.keys(ruled.body.errors)).toEqual(['rules']);
    const noRules = await stack.call<{ errors: Record<string, string> }>(
      Role.Scheduler,
      'POST',
      '/api/audiences',
      {
        name: 'Dynamic without rules',
        kind: 'dynamic',
      },
    );
    expect(Object.keys(noRules.body.errors)).toEqual(['rules']);

    const removed = await stack.call<{ archived: boolean }>(
      Role.Scheduler,
      'DELETE',
      `/api/audiences/${mine.id}`,
    );
    expect(removed.body.archived).toBe(true);
    const list = await stack.call<{ id: string }[]>(Role.Manager, 'GET', '/api/audiences');
    expect(list.body.map((audience) => audience.id)).not.toContain(mine.id);
    // Blasts that used it still resolve it.
    expect(
      (await stack.api.get(AudiencesService).get(stack.channel.id, mine.id)).archivedAt,
    ).not.toBeNull();
  });
});
