import { Role } from '@app/accounts';
import { toPublicEvent } from '@app/campaigns';
import { ChannelsService } from '@app/channels';
import { type Holiday, timedEventTime } from '@app/kakao-client';
import {
  createAuthedClient,
  createSandboxApp,
  expectEventually,
  seedUser,
  startTestStack,
  type TestStack,
} from '@app/testing';

import {
  type CampaignBody,
  closeKakaoFor,
  createPublicEventAt,
  draftBody,
  kakaoFor,
  listTotal,
  publicEventIds,
} from './campaign-fixtures';

jest.setTimeout(60_000);

interface KakaoCopyBody {
  eventId: string | null;
  publishedRevision: number | null;
  ours: Record<string, unknown> | null;
  kakao: Record<string, unknown> | null;
  kakaoState: string;
  differences: { field: string; ours: unknown; kakao: unknown }[];
}

interface UnmanagedBody {
  id: string;
  kakaoEventId: string;
  title: string;
  startsAt: string;
  importedCampaignId: string | null;
}

interface CalendarBody {
  id: string;
  kakaoCalendarId: string;
  name: string;
  removed: boolean;
  campaigns?: CampaignBody[];
}

const DAY_MS = 24 * 3600 * 1000;

describe("Kakao's copy: drift, missing events, unmanaged events, subscribe calendars, holidays", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    if (stack) {
      await closeKakaoFor(stack);
      await stack.close();
    }
  });

  async function campaign(id: string): Promise<CampaignBody> {
    return (await stack.call<CampaignBody>(Role.Manager, 'GET', `/api/campaigns/${id}`)).body;
  }

  async function reconcile(): Promise<void> {
    const answer = await stack.call(Role.Marketer, 'POST', '/api/campaigns/reconcile');
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ queued: true });
  }

  async function publishedCampaign(title: string): Promise<CampaignBody> {
    const created = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      '/api/campaigns',
      draftBody({ title, rrule: undefined }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/submit`, {});
    await stack.call(Role.Manager, 'POST', `/api/campaigns/${id}/approve`, {});
    expect((await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`)).status).toBe(
      202,
    );
    await expectEventually(async () => expect((await campaign(id)).syncState).toBe('published'));
    const published = await campaign(id);
    expect(published).toMatchObject({ kakaoState: 'in_sync', kakaoEventId: expect.any(String) });
    return published;
  }

  describe('drift and missing events', () => {
    it('marks a campaign drifted, then missing, and republishing recreates the event', async () => {
      const published = await publishedCampaign('성수 팝업 원본');
      const eventId = published.kakaoEventId!;
      const { client, call } = kakaoFor(stack);

      // Someone edits the public event at Kakao, behind the console's back.
      await client.publicEvents.updatePublicEvent(
        eventId,
        {
          title: '성수 팝업 (몰래 수정)',
          time: timedEventTime({
            start: new Date('2030-04-12T03:00:00Z'),
            end: new Date('2030-04-12T11:00:00Z'),
            timeZone: 'Asia/Seoul',
          }),
        },
        call,
      );
      // Nothing looks at Kakao until the reconcile job runs.
      const beforeCheck = await campaign(published.id);
      expect(beforeCheck.kakaoState).toBe('in_sync');
      await reconcile();
      await expectEventually(async () =>
        expect((await campaign(published.id)).kakaoState).toBe('drifted'),
      );
      const drifted = await campaign(published.id);
      // A check records when it looked, and is not an edit: neither version nor updatedAt move.
      expect(drifted.kakaoCheckedAt).not.toBe(beforeCheck.kakaoCheckedAt);
      expect(drifted.version).toBe(beforeCheck.version);
      expect(drifted.updatedAt).toBe(beforeCheck.updatedAt);
      expect(drifted).toMatchObject({
        syncState: 'published',
        kakaoEventId: eventId,
        version: published.version,
        kakaoCheckedAt: expect.any(String),
      });

      const copy = await stack.call<KakaoCopyBody>(
        Role.Manager,
        'GET',
        `/api/campaigns/${published.id}/kakao`,
      );
      expect(copy.status).toBe(200);
      expect(copy.body).toMatchObject({
        eventId,
        publishedRevision: 1,
        kakaoState: 'drifted',
      });
      expect(copy.body.differences.map((difference) => difference.field).sort()).toEqual([
        'time',
        'title',
      ]);
      expect(copy.body.differences.find((d) => d.field === 'title')).toEqual({
        field: 'title',
        ours: '성수 팝업 원본',
        kakao: '성수 팝업 (몰래 수정)',
      });
      expect(copy.body.differences.find((d) => d.field === 'time')).toMatchObject({
        ours: { start_at: '2030-04-12T01:00:00Z', end_at: '2030-04-12T10:00:00Z' },
        kakao: { start_at: '2030-04-12T03:00:00Z', end_at: '2030-04-12T11:00:00Z' },
      });
      expect(copy.body.ours).toMatchObject({ title: '성수 팝업 원본' });
      expect(copy.body.kakao).toMatchObject({ id: eventId, title: '성수 팝업 (몰래 수정)' });

      // The drift is in the audit log.
      const audit = await stack.call<{ action: string }[]>(
        Role.Manager,
        'GET',
        `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: published.id }))}&range=[0,99]`,
      );
      expect(audit.body.map((row) => row.action)).toContain('campaign.drifted');

      // Someone deletes it at Kakao.
      await client.publicEvents.deletePublicEvent(eventId, call);
      await reconcile();
      await expectEventually(async () =>
        expect((await campaign(published.id)).kakaoState).toBe('missing'),
      );
      const missing = await stack.call<KakaoCopyBody>(
        Role.Manager,
        'GET',
        `/api/campaigns/${published.id}/kakao`,
      );
      expect(missing.body).toMatchObject({
        eventId,
        kakao: null,
        kakaoState: 'missing',
        differences: [],
      });

      // Publishing again creates a new public event (4.14: the update fails, so create).
      const republish = await stack.call<CampaignBody>(
        Role.Marketer,
        'POST',
        `/api/campaigns/${published.id}/publish`,
      );
      expect(republish.status).toBe(202);
      await expectEventually(async () => {
        const now = await campaign(published.id);
        expect(now.syncState).toBe('published');
        expect(now.kakaoEventId).not.toBe(eventId);
      });
      const recreated = await campaign(published.id);
      expect(recreated).toMatchObject({ kakaoState: 'in_sync', publishedRevision: 1 });
      expect(await publicEventIds(stack)).toEqual([recreated.kakaoEventId]);
      const fresh = await client.publicEvents.getPublicEvent(recreated.kakaoEventId!, call);
      const expected = toPublicEvent(recreated.content as never);
      expect(fresh).toMatchObject({ title: '성수 팝업 원본', time: expected.time });
      const inSync = await stack.call<KakaoCopyBody>(
        Role.Manager,
        'GET',
        `/api/campaigns/${published.id}/kakao`,
      );
      expect(inSync.body).toMatchObject({ kakaoState: 'in_sync', differences: [] });

      // A later reconcile agrees.
      const checkedAt = Date.parse((await campaign(published.id)).kakaoCheckedAt!);
      await reconcile();
      await expectEventually(async () => {
        const now = await campaign(published.id);
        expect(Date.parse(now.kakaoCheckedAt!)).toBeGreaterThan(checkedAt);
        expect(now.kakaoState).toBe('in_sync');
      });

      // Clean up for the tests below, which count public events.
      await stack.call(Role.Marketer, 'POST', `/api/campaigns/${published.id}/unpublish`);
      await expectEventually(async () =>
        expect((await campaign(published.id)).syncState).toBe('draft'),
      );
    });

    it('republishing a drifted campaign puts our revision back at Kakao', async () => {
      const published = await publishedCampaign('Drift and restore');
      const { client, call } = kakaoFor(stack);
      await client.publicEvents.updatePublicEvent(
        published.kakaoEventId!,
        { title: 'Tampered', color: 'RED' },
        call,
      );
      await reconcile();
      await expectEventually(async () =>
        expect((await campaign(published.id)).kakaoState).toBe('drifted'),
      );
      expect(
        (await stack.call(Role.Marketer, 'POST', `/api/campaigns/${published.id}/publish`)).status,
      ).toBe(202);
      await expectEventually(async () =>
        expect((await campaign(published.id)).kakaoState).toBe('in_sync'),
      );
      const event = await client.publicEvents.getPublicEvent(published.kakaoEventId!, call);
      expect(event).toMatchObject({ title: 'Drift and restore', color: 'MINT' });
      expect((await campaign(published.id)).kakaoEventId).toBe(published.kakaoEventId);
      await stack.call(Role.Marketer, 'POST', `/api/campaigns/${published.id}/unpublish`);
      await expectEventually(async () =>
        expect((await campaign(published.id)).syncState).toBe('draft'),
      );
    });
  });

  describe('unmanaged public events', () => {
    it('lists an event made at Kakao, imports it once as a campaign that manages it', async () => {
      const startsAt = new Date(Math.ceil((Date.now() + 10 * DAY_MS) / 300_000) * 300_000);
      const eventId = await createPublicEventAt(kakaoFor(stack), {
        title: '카카오에서 직접 만든 이벤트',
        startsAt,
      });
      await reconcile();
      let row: UnmanagedBody | undefined;
      await expectEventually(async () => {
        const list = await stack.call<UnmanagedBody[]>(
          Role.Manager,
          'GET',
          '/api/unmanaged-events',
        );
        row = list.body.find((candidate) => candidate.kakaoEventId === eventId);
        expect(row).toBeDefined();
      });
      expect(row).toMatchObject({
        title: '카카오에서 직접 만든 이벤트',
        startsAt: startsAt.toISOString(),
        importedCampaignId: null,
      });

      const imported = await stack.call<CampaignBody>(
        Role.Marketer,
        'POST',
        `/api/unmanaged-events/${row!.id}/import`,
      );
      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({
        kakaoEventId: eventId,
        syncState: 'published',
        approvalState: 'approved',
        kakaoState: 'in_sync',
        publishedRevision: 1,
        title: '카카오에서 직접 만든 이벤트',
        content: {
          title: '카카오에서 직접 만든 이벤트',
          allDay: false,
          startsAt: startsAt.toISOString().replace('.000Z', 'Z'),
          reminders: [30],
          color: 'RED',
          description: 'Made at Kakao',
        },
      });
      const campaignId = imported.body.id;

      // Its approval history says why it is approved although nobody submitted it here.
      const approvals = await stack.call<{ revision: number; decision: string }[]>(
        Role.Manager,
        'GET',
        `/api/campaigns/${campaignId}/approvals`,
      );
      expect(approvals.body).toEqual([
        expect.objectContaining({ revision: 1, decision: 'imported', comment: null }),
      ]);

      // The campaign manages the event from now on: Kakao's copy matches it.
      const copy = await stack.call<KakaoCopyBody>(
        Role.Manager,
        'GET',
        `/api/campaigns/${campaignId}/kakao`,
      );
      expect(copy.body).toMatchObject({ eventId, kakaoState: 'in_sync', differences: [] });

      const list = await stack.call<UnmanagedBody[]>(Role.Manager, 'GET', '/api/unmanaged-events');
      expect(list.body.find((candidate) => candidate.id === row!.id)).toMatchObject({
        kakaoEventId: eventId,
        importedCampaignId: campaignId,
      });

      const twice = await stack.call<{ code: string; details: { campaignId: string } }>(
        Role.Marketer,
        'POST',
        `/api/unmanaged-events/${row!.id}/import`,
      );
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({
        code: 'campaign.already_imported',
        details: { campaignId },
      });
      const campaigns = await stack.call<CampaignBody[]>(
        Role.Manager,
        'GET',
        `/api/campaigns?filter=${encodeURIComponent(JSON.stringify({ q: '카카오에서 직접' }))}`,
      );
      expect(campaigns.body.map((c) => c.id)).toEqual([campaignId]);

      // Editing and republishing the imported campaign updates the same event at Kakao.
      const edited = await stack.call<CampaignBody>(
        Role.Marketer,
        'PUT',
        `/api/campaigns/${campaignId}`,
        {
          version: imported.body.version,
          content: { ...imported.body.content, title: '가져온 뒤 수정' },
        },
      );
      expect(edited.status).toBe(200);
      await stack.call(Role.Marketer, 'POST', `/api/campaigns/${campaignId}/submit`, {});
      await stack.call(Role.Manager, 'POST', `/api/campaigns/${campaignId}/approve`, {});
      await stack.call(Role.Marketer, 'POST', `/api/campaigns/${campaignId}/publish`);
      await expectEventually(async () =>
        expect((await campaign(campaignId)).publishedRevision).toBe(2),
      );
      const { client, call } = kakaoFor(stack);
      expect((await client.publicEvents.getPublicEvent(eventId, call)).title).toBe(
        '가져온 뒤 수정',
      );
      expect((await campaign(campaignId)).kakaoEventId).toBe(eventId);

      // A later reconcile keeps the imported row and lists nothing new for it.
      await reconcile();
      const after = await stack.call<UnmanagedBody[]>(Role.Manager, 'GET', '/api/unmanaged-events');
      expect(after.body.filter((candidate) => candidate.kakaoEventId === eventId)).toHaveLength(1);
    });

    it('drops an unmanaged event from the list once it is gone at Kakao', async () => {
      const eventId = await createPublicEventAt(kakaoFor(stack), {
        title: 'Short-lived',
        startsAt: new Date(Date.now() + 20 * DAY_MS),
      });
      await reconcile();
      const listed = async () =>
        (await stack.call<UnmanagedBody[]>(Role.Manager, 'GET', '/api/unmanaged-events')).body.map(
          (row) => row.kakaoEventId,
        );
      await expectEventually(async () => expect(await listed()).toContain(eventId));
      const { client, call } = kakaoFor(stack);
      await client.publicEvents.deletePublicEvent(eventId, call);
      await reconcile();
      await expectEventually(async () => expect(await listed()).not.toContain(eventId));
    });
  });

  describe('subscribe calendars', () => {
    it("mirrors the channel's subscribe calendars and lists the campaigns that target one", async () => {
      // (The worker also syncs on a schedule, from its start.)
      const sync = await stack.call(Role.Marketer, 'POST', '/api/subscribe-calendars/sync');
      expect(sync.status).toBe(202);
      let calendars: CalendarBody[] = [];
      await expectEventually(async () => {
        const list = await stack.call<CalendarBody[]>(
          Role.Scheduler,
          'GET',
          '/api/subscribe-calendars',
        );
        expect(list.body).toHaveLength(2);
        expect(listTotal(list)).toBe(2);
        calendars = list.body;
      });
      const sandboxCalendars = stack.sandboxApp.subscribe_calendars;
      expect(calendars.map((c) => [c.kakaoCalendarId, c.name]).sort()).toEqual(
        sandboxCalendars.map((c) => [c.id, c.name]).sort(),
      );
      expect(calendars.every((c) => !c.removed)).toBe(true);

      const target = calendars.find((c) => c.name === 'Weekly Drops')!;
      const other = calendars.find((c) => c.name === 'Pop-up Stores')!;
      const targeting = await stack.call<CampaignBody>(Role.Marketer, 'POST', '/api/campaigns', {
        ...draftBody({ title: 'Weekly drop #1', rrule: undefined }),
        target: { kind: 'subscribe_calendar', calendarId: target.kakaoCalendarId },
      });
      expect(targeting.status).toBe(201);
      expect(targeting.body.target).toEqual({
        kind: 'subscribe_calendar',
        calendarId: target.kakaoCalendarId,
      });
      await stack.call(
        Role.Marketer,
        'POST',
        '/api/campaigns',
        draftBody({ title: 'Not targeting' }),
      );

      const detail = await stack.call<CalendarBody>(
        Role.Manager,
        'GET',
        `/api/subscribe-calendars/${target.id}`,
      );
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ id: target.id, kakaoCalendarId: target.kakaoCalendarId });
      expect(detail.body.campaigns!.map((c) => c.id)).toEqual([targeting.body.id]);
      const otherDetail = await stack.call<CalendarBody>(
        Role.Manager,
        'GET',
        `/api/subscribe-calendars/${other.id}`,
      );
      expect(otherDetail.body.campaigns).toEqual([]);

      // A second sync changes nothing.
      await stack.call(Role.Admin, 'POST', '/api/subscribe-calendars/sync');
      const again = await stack.call<CalendarBody[]>(
        Role.Scheduler,
        'GET',
        '/api/subscribe-calendars',
      );
      expect(again.body.map((c) => c.id).sort()).toEqual(calendars.map((c) => c.id).sort());
    });

    it('syncs on demand a channel the schedule does not know yet', async () => {
      const appC = await createSandboxApp(stack.sandboxUrl, {
        subscribe_calendars: [
          { name: 'Members only', color: 'NAVY_BLUE', description: 'VIP drops' },
          { name: 'Seoul events', reminder: 30, reminder_all_day: -540 },
          { name: 'Busan events' },
        ],
      });
      const channelC = await stack.api.get(ChannelsService).upsert({
        name: appC.channels[0].name,
        channelPublicId: appC.channels[0].channel_public_id,
        kakaoAppId: String(appC.app_id),
        adminKey: appC.admin_key,
      });
      const marketerC = await createAuthedClient(stack.apiUrl, {
        ...(await seedUser(stack.api, {
          memberships: [{ channelId: channelC.id, role: Role.Marketer }],
        })),
        channelId: channelC.id,
      });
      expect((await marketerC.get<CalendarBody[]>('/api/subscribe-calendars')).body).toEqual([]);
      expect((await marketerC.post('/api/subscribe-calendars/sync')).status).toBe(202);
      await expectEventually(async () => {
        const list = await marketerC.get<CalendarBody[]>('/api/subscribe-calendars');
        expect(list.body.map((calendar) => calendar.name)).toEqual([
          'Busan events',
          'Members only',
          'Seoul events',
        ]);
      });
      const list = await marketerC.get<(CalendarBody & Record<string, unknown>)[]>(
        '/api/subscribe-calendars',
      );
      expect(list.body.find((calendar) => calendar.name === 'Members only')).toMatchObject({
        color: 'NAVY_BLUE',
        description: 'VIP drops',
        removed: false,
      });
      expect(list.body.find((calendar) => calendar.name === 'Seoul events')).toMatchObject({
        reminder: 30,
        reminderAllDay: -540,
      });
      // Channel A's list is not touched by C's calendars.
      const listA = await stack.call<CalendarBody[]>(
        Role.Marketer,
        'GET',
        '/api/subscribe-calendars',
      );
      expect(listA.body.map((calendar) => calendar.name).sort()).toEqual([
        'Pop-up Stores',
        'Weekly Drops',
      ]);
    });
  });

  describe('holidays', () => {
    it("returns Korean holidays of 2025 from Kakao's table", async () => {
      const answer = await stack.call<Holiday[]>(
        Role.Scheduler,
        'GET',
        '/api/holidays?from=2025-01-01&to=2025-12-31',
      );
      expect(answer.status).toBe(200);
      const days = answer.body.filter((day) => day.holiday);
      const byDate = new Map(days.map((day) => [day.time.start_at.slice(0, 10), day.title]));
      expect(byDate.get('2025-01-01')).toBe('신정');
      expect(byDate.get('2025-01-29')).toBe('설날');
      expect(byDate.get('2025-03-01')).toBe('삼일절');
      expect(byDate.get('2025-05-05')).toEqual(expect.stringMatching(/어린이날|부처님오신날/));
      expect(byDate.get('2025-10-06')).toBe('추석');
      expect(byDate.get('2025-12-25')).toBe('기독탄신일');
      expect(days.length).toBeGreaterThanOrEqual(15);
      for (const day of answer.body) {
        expect(day.time.all_day).toBe(true);
        expect(day.time.start_at >= '2025-01-01' && day.time.start_at < '2026-01-01').toBe(true);
      }
      // Notable days come too, marked as not a day off.
      expect(answer.body.some((day) => !day.holiday && day.title === '식목일')).toBe(true);
    });

    it('answers a narrow window with only its days', async () => {
      const answer = await stack.call<Holiday[]>(
        Role.Marketer,
        'GET',
        '/api/holidays?from=2025-10-03&to=2025-10-09',
      );
      expect(answer.status).toBe(200);
      expect(answer.body.filter((day) => day.holiday).map((day) => day.title)).toEqual([
        '개천절',
        '추석 연휴',
        '추석',
        '추석 연휴',
        '대체공휴일(추석)',
        '한글날',
      ]);
    });

    it.each([
      ['from=2025-01-01&to=2026-01-02', 'to'],
      ['from=2024-01-01&to=2025-12-31', 'to'],
      ['from=2025-12-31&to=2025-01-01', 'from'],
      ['from=soon&to=2025-01-01', 'from'],
      ['to=2025-01-01', 'from'],
    ])('rejects %s naming %s', async (query, field) => {
      const answer = await stack.call<{ code: string; errors: Record<string, string> }>(
        Role.Marketer,
        'GET',
        `/api/holidays?${query}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty([field], expect.any(String));
    });

    it('accepts a window of exactly 366 days', async () => {
      const answer = await stack.call<Holiday[]>(
        Role.Marketer,
        'GET',
        '/api/holidays?from=2024-01-01&to=2024-12-31',
      );
      expect(answer.status).toBe(200);
      expect(answer.body.length).toBeGreaterThan(15);
    });
  });
});
