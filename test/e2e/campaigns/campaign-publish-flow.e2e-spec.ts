import { Role } from '@app/accounts';
import { toPublicEvent } from '@app/campaigns';
import { expectEventually, startTestStack, type TestStack } from '@app/testing';

import {
  type CampaignBody,
  closeKakaoFor,
  draftBody,
  kakaoFor,
  publicEventIds,
} from './campaign-fixtures';

jest.setTimeout(60_000);

describe('campaign: draft → approval → publish → edit → republish → unpublish', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await closeKakaoFor(stack);
    await stack?.close();
  });

  async function campaign(id: string): Promise<CampaignBody> {
    return (await stack.call<CampaignBody>(Role.Marketer, 'GET', `/api/campaigns/${id}`)).body;
  }

  it('keeps Kakao in step with the approved revision at every step', async () => {
    const created = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      '/api/campaigns',
      draftBody(),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ revision: 1, syncState: 'draft', approvalState: 'draft' });

    // Not approved yet: publishing is refused and nothing reaches Kakao.
    const early = await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'campaign.not_approved' });

    expect(
      (await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/submit`, {})).status,
    ).toBe(200);
    const approved = await stack.call<CampaignBody>(
      Role.Manager,
      'POST',
      `/api/campaigns/${id}/approve`,
      {
        comment: 'Looks good',
      },
    );
    expect(approved.body.approvalState).toBe('approved');

    const publish = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      `/api/campaigns/${id}/publish`,
    );
    expect(publish.status).toBe(202);
    expect(publish.body.syncState).toBe('publishing');
    // A double click queues nothing more.
    expect((await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`)).status).toBe(
      202,
    );

    await expectEventually(async () => expect((await campaign(id)).syncState).toBe('published'));
    const published = await campaign(id);
    expect(published.kakaoEventId).toEqual(expect.any(String));
    expect(published.publishedRevision).toBe(1);
    expect(await publicEventIds(stack)).toEqual([published.kakaoEventId]);

    // The sandbox holds exactly what we sent.
    const { client, call } = kakaoFor(stack);
    const expected = toPublicEvent(published.content as never);
    const kakaoEvent = await client.publicEvents.getPublicEvent(published.kakaoEventId!, call);
    expect(kakaoEvent).toMatchObject({
      title: expected.title,
      time: expected.time,
      rrule: expected.rrule,
      description: expected.description,
      location: expected.location,
      reminders: expected.reminders,
      color: expected.color,
      banner: expected.banner,
    });
    const copy = await stack.call<{ kakaoState: string; differences: unknown[] }>(
      Role.Manager,
      'GET',
      `/api/campaigns/${id}/kakao`,
    );
    expect(copy.body).toMatchObject({ kakaoState: 'in_sync', differences: [] });

    // Edit: a new revision, which must be approved again before it goes out.
    const edited = await stack.call<CampaignBody>(Role.Marketer, 'PUT', `/api/campaigns/${id}`, {
      version: published.version,
      content: { ...published.content, title: '성수 팝업 (연장)' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      revision: 2,
      syncState: 'changed_since_publish',
      approvalState: 'draft',
    });
    await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/submit`, {});
    await stack.call(Role.Manager, 'POST', `/api/campaigns/${id}/approve`, {});
    expect((await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`)).status).toBe(
      202,
    );
    await expectEventually(async () => expect((await campaign(id)).publishedRevision).toBe(2));
    expect((await campaign(id)).syncState).toBe('published');
    const updated = await client.publicEvents.getPublicEvent(published.kakaoEventId!, call);
    expect(updated.title).toBe('성수 팝업 (연장)');
    expect(await publicEventIds(stack)).toEqual([published.kakaoEventId]);

    // Unpublish: gone from Kakao, the draft stays.
    expect((await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/unpublish`)).status).toBe(
      202,
    );
    await expectEventually(async () => expect((await campaign(id)).syncState).toBe('draft'));
    expect((await campaign(id)).kakaoEventId).toBeNull();
    expect(await publicEventIds(stack)).toEqual([]);
    await expect(
      client.publicEvents.getPublicEvent(published.kakaoEventId!, call),
    ).rejects.toMatchObject({ code: -2 });

    // Every step is in the audit log, with who did it.
    const audit = await stack.call<{ action: string }[]>(
      Role.Manager,
      'GET',
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: id }))}&range=[0,99]`,
    );
    expect(audit.body.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'campaign.create',
        'campaign.submit',
        'campaign.approve',
        'campaign.publish_request',
        'campaign.published',
        'campaign.update',
        'campaign.unpublished',
      ]),
    );
  });

  it('keeps a published campaign approved and in step when only its name, tags or note change', async () => {
    const created = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      '/api/campaigns',
      draftBody({ title: '메모만 고치는 캠페인' }),
    );
    const id = created.body.id;
    await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/submit`, {});
    await stack.call(Role.Manager, 'POST', `/api/campaigns/${id}/approve`, {});
    await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`);
    await expectEventually(async () => expect((await campaign(id)).syncState).toBe('published'));
    const published = await campaign(id);
    const content = published.content as { startsAt: string; endsAt: string };

    // The form writes the same start and end in the zone's offset, without milliseconds.
    const seoul = (iso: string): string =>
      new Date(Date.parse(iso) + 9 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+09:00');
    const noted = await stack.call<CampaignBody>(Role.Marketer, 'PUT', `/api/campaigns/${id}`, {
      version: published.version,
      name: `${published.name} (내부)`,
      tags: ['memo'],
      notes: '내부 메모만 바꿉니다',
      content: {
        ...published.content,
        startsAt: seoul(content.startsAt),
        endsAt: seoul(content.endsAt),
      },
    });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({
      revision: 2,
      approvalState: 'approved',
      approvedRevision: 2,
      syncState: 'published',
      publishedRevision: 2,
      content: { startsAt: content.startsAt, endsAt: content.endsAt },
    });
    const diff = await stack.call<{ field: string }[]>(
      Role.Marketer,
      'GET',
      `/api/campaigns/${id}/diff?from=1&to=2`,
    );
    expect(diff.body.map((change) => change.field).sort()).toEqual(['name', 'notes', 'tags']);
    // Nothing to republish, and Kakao's copy still matches.
    const copy = await stack.call<{ kakaoState: string; differences: unknown[] }>(
      Role.Manager,
      'GET',
      `/api/campaigns/${id}/kakao`,
    );
    expect(copy.body).toMatchObject({ kakaoState: 'in_sync', differences: [] });

    // A change Kakao shows still needs approval again.
    const retitled = await stack.call<CampaignBody>(Role.Marketer, 'PUT', `/api/campaigns/${id}`, {
      version: noted.body.version,
      content: { ...noted.body.content, title: '제목이 바뀜' },
    });
    expect(retitled.body).toMatchObject({
      revision: 3,
      approvalState: 'draft',
      approvedRevision: 2,
      syncState: 'changed_since_publish',
      publishedRevision: 2,
    });
  });

  it('keeps revisions with diff and restore', async () => {
    const created = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      '/api/campaigns',
      draftBody(),
    );
    const id = created.body.id;
    const second = await stack.call<CampaignBody>(Role.Marketer, 'PUT', `/api/campaigns/${id}`, {
      version: created.body.version,
      name: 'Renamed',
      tags: ['busan'],
    });
    expect(second.body.revision).toBe(2);
    const revisions = await stack.call<{ revision: number }[]>(
      Role.Marketer,
      'GET',
      `/api/campaigns/${id}/revisions`,
    );
    expect(revisions.body.map((r) => r.revision)).toEqual([2, 1]);
    const diff = await stack.call<{ field: string }[]>(
      Role.Marketer,
      'GET',
      `/api/campaigns/${id}/diff?from=1&to=2`,
    );
    expect(diff.body).toEqual([
      { field: 'name', before: 'Spring pop-up', after: 'Renamed' },
      { field: 'tags', before: ['seoul', 'popup'], after: ['busan'] },
    ]);
    const restored = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      `/api/campaigns/${id}/restore/1`,
      {},
    );
    expect(restored.body).toMatchObject({ revision: 3, name: 'Spring pop-up' });
  });

  it('gives the second of two editors a 409 with the current record', async () => {
    const created = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      '/api/campaigns',
      draftBody(),
    );
    const { id, version } = created.body;
    const [a, b] = await Promise.all([
      stack.call<CampaignBody>(Role.Marketer, 'PUT', `/api/campaigns/${id}`, {
        version,
        name: 'Editor A',
      }),
      stack.call<CampaignBody>(Role.Admin, 'PUT', `/api/campaigns/${id}`, {
        version,
        name: 'Editor B',
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b) as unknown as {
      body: { code: string; details: { current: CampaignBody } };
    };
    const winner = a.status === 200 ? a : b;
    expect(loser.body.code).toBe('campaign.version_conflict');
    expect(loser.body.details.current.name).toBe(winner.body.name);
    expect(loser.body.details.current.version).toBe(winner.body.version);
  });
});
