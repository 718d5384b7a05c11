import { Role } from '@app/accounts';
import { AudienceKind, AudiencesService } from '@app/audiences';
import {
  everyoneAudience,
  seedChannel,
  seedSandboxRecipients,
  type SandboxUser,
  startTestStack,
  type TestStack,
} from '@app/testing';

jest.setTimeout(120_000);

interface Member {
  id: string;
  kakaoUserId: string;
  consentState: string;
}

describe('audience members and sizes', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let list: string;
  let everyone: string;
  let foreign: string;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    users = await seedSandboxRecipients(stack, 4);
    everyone = await everyoneAudience(stack, 'Everyone');
    const created = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
      name: 'Two friends',
      kind: 'static',
    });
    list = created.body.id;
    const added = await stack.call<{ changed: number }>(
      Role.Scheduler,
      'POST',
      `/api/audiences/${list}/members`,
      { kakaoUserIds: users.slice(0, 2).map((user) => String(user.user_id)) },
    );
    expect(added.body.changed).toBe(2);
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

  it('gives each audience of the list its size now', async () => {
    const answer = await stack.call<{ id: string; size: { count: number; matching: number } }[]>(
      Role.Manager,
      'GET',
      '/api/audiences',
    );
    expect(answer.status).toBe(200);
    const sizes = new Map(answer.body.map((audience) => [audience.id, audience.size]));
    expect(sizes.get(list)).toEqual({ count: 2, matching: 2 });
    expect(sizes.get(everyone)).toEqual({ count: 4, matching: 4 });
  });

  it('lists the members of a static list and of a dynamic audience, a page at a time', async () => {
    const members = await stack.call<Member[]>(
      Role.Scheduler,
      'GET',
      `/api/audiences/${list}/members`,
    );
    expect(members.status).toBe(200);
    expect(members.body.map((member) => member.kakaoUserId).sort()).toEqual(
      users
        .slice(0, 2)
        .map((user) => String(user.user_id))
        .sort(),
    );
    expect(members.headers.get('content-range')).toBe('recipients 0-1/2');

    const page = await stack.call<Member[]>(
      Role.Manager,
      'GET',
      `/api/audiences/${everyone}/members?sort=${encodeURIComponent('["kakaoUserId","ASC"]')}&range=${encodeURIComponent('[0,2]')}`,
    );
    expect(page.body).toHaveLength(3);
    expect(page.headers.get('content-range')).toBe('recipients 0-2/4');
    const ids = page.body.map((member) => member.kakaoUserId);
    expect(ids).toEqual([...ids].sort());

    const wanted = String(users[3].user_id);
    const found = await stack.call<Member[]>(
      Role.Admin,
      'GET',
      `/api/audiences/${everyone}/members?filter=${encodeURIComponent(JSON.stringify({ q: wanted }))}`,
    );
    expect(found.body.map((member) => member.kakaoUserId)).toEqual([wanted]);
    expect(found.headers.get('content-range')).toBe('recipients 0-0/1');
  });

  it('lets those who read recipients see members, and keeps other channels out', async () => {
    for (const role of [Role.Manager, Role.Scheduler, Role.Admin]) {
      expect((await stack.call(role, 'GET', `/api/audiences/${list}/members`)).status).toBe(200);
    }
    expect((await stack.call(Role.Marketer, 'GET', `/api/audiences/${list}/members`)).status).toBe(
      403,
    );
    const answer = await stack.call<{ code: string }>(
      Role.Admin,
      'GET',
      `/api/audiences/${foreign}/members`,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('audience.not_found');
    const all = await stack.call<{ id: string }[]>(Role.Admin, 'GET', '/api/audiences');
    expect(all.body.map((audience) => audience.id)).not.toContain(foreign);
  });
});
