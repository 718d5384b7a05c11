import { request } from 'undici';

import {
  allDayEventTime,
  type Color,
  type EventBrief,
  type EventCreate,
  type KakaoClient,
  type RecurUpdateType,
  timedEventTime,
} from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  hoursFrom,
  sampleEvent,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

const WINDOW = { from: '2030-05-01T00:00:00Z', to: '2030-05-31T00:00:00Z' };

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly('mints users and invites guests through the control API');

describeContract('personal events (4.5–4.10)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;
  let user: SandboxUser;

  const listAll = async (token: string, window = WINDOW): Promise<EventBrief[]> => {
    const events: EventBrief[] = [];
    for await (const event of client.calendar.events(token, { ...window, limit: 1000 })) {
      events.push(event);
    }
    return events;
  };

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp();
    client = harness.clientFor(app);
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    user = await harness.control.createUser(app);
  });

  describe('4.5 create and 4.7 detail', () => {
    it('creates an event in primary and answers its detail', async () => {
      const event: EventCreate = {
        title: '런칭 파티',
        time: hoursFrom('2030-05-01T03:00:00Z', 2),
        description: 'Bring friends',
        location: { name: 'Seongsu', address: 'Seoul', latitude: 37.54, longitude: 127.05 },
        reminders: [15, 60],
        color: 'LAVENDER',
      };
      const id = await client.calendar.createEvent(user.access_token, event);
      const detail = await client.calendar.getEvent(user.access_token, id);
      expect(detail).toMatchObject({
        id,
        title: '런칭 파티',
        type: 'USER',
        calendar_id: 'primary',
        is_host: true,
        description: 'Bring friends',
        location: event.location,
        reminders: [15, 60],
        color: 'LAVENDER',
        time: {
          start_at: '2030-05-01T03:00:00Z',
          end_at: '2030-05-01T05:00:00Z',
          time_zone: 'Asia/Seoul',
          all_day: false,
        },
      });
    });

    it('creates an all-day event from the time-grid helper', async () => {
      const id = await client.calendar.createEvent(user.access_token, {
        title: 'Children’s Day sale',
        time: allDayEventTime({ first: '2030-05-05' }),
      });
      const detail = await client.calendar.getEvent(user.access_token, id);
      expect(detail.time).toMatchObject({
        start_at: '2030-05-05T00:00:00Z',
        end_at: '2030-05-06T00:00:00Z',
        all_day: true,
      });
    });

    it('creates an event in a sub-calendar of this service', async () => {
      const calendarId = await client.calendar.createCalendar(user.access_token, {
        name: 'Brand',
      });
      const id = await client.calendar.createEvent(user.access_token, sampleEvent(), {
        calendarId,
      });
      expect((await client.calendar.getEvent(user.access_token, id)).calendar_id).toBe(calendarId);
      const page = await client.calendar.listEvents(user.access_token, {
        ...WINDOW,
        calendar_id: calendarId,
      });
      expect(page.events.map((e) => e.id)).toEqual([id]);
    });

    it('answers -2 for an unknown calendar and an unknown event', async () => {
      await expectCode(
        client.calendar.createEvent(user.access_token, sampleEvent(), {
          calendarId: 'user_nope',
        }),
        -2,
        400,
      );
      await expectCode(client.calendar.getEvent(user.access_token, 'nope'), -2, 400);
    });

    it('sends a timed event snapped to the grid by the client', async () => {
      const id = await client.calendar.createEvent(user.access_token, {
        title: 'Snapped',
        time: timedEventTime({
          start: new Date('2030-05-02T03:02:31.123Z'),
          end: new Date('2030-05-02T04:00:01Z'),
        }),
      });
      const detail = await client.calendar.getEvent(user.access_token, id);
      expect([detail.time.start_at, detail.time.end_at]).toEqual([
        '2030-05-02T03:00:00Z',
        '2030-05-02T04:05:00Z',
      ]);
    });
  });

  describe('section 7 validation of events', () => {
    const time = hoursFrom('2030-05-01T03:00:00Z');
    const allDay = {
      start_at: '2030-05-05T00:00:00Z',
      end_at: '2030-05-06T00:00:00Z',
      all_day: true,
    };

    it.each<[string, Partial<EventCreate>]>([
      ['an empty title', { title: '' }],
      ['a title over 50 characters', { title: 't'.repeat(51) }],
      ['a description over 5000 characters', { description: 'd'.repeat(5001) }],
      ['a location without a name', { location: { address: 'Seoul' } }],
      ['a start off the 5-minute grid', { time: { ...time, start_at: '2030-05-01T03:02:00Z' } }],
      ['an end off the 5-minute grid', { time: { ...time, end_at: '2030-05-01T04:07:00Z' } }],
      ['seconds in the start', { time: { ...time, start_at: '2030-05-01T03:00:30Z' } }],
      ['an end before the start', { time: { ...time, end_at: '2030-05-01T02:00:00Z' } }],
      ['an end equal to the start', { time: { ...time, end_at: time.start_at } }],
      [
        'an all-day start not at midnight',
        { time: { ...allDay, start_at: '2030-05-05T03:00:00Z' } },
      ],
      ['an all-day end not at midnight', { time: { ...allDay, end_at: '2030-05-06T03:00:00Z' } }],
      ['an all-day end equal to the start', { time: { ...allDay, end_at: allDay.start_at } }],
      ['three reminders', { reminders: [5, 10, 15] }],
      ['a reminder off the 5-minute grid', { reminders: [7] }],
      ['a timed reminder over 43200', { reminders: [43_205] }],
      ['a negative reminder on a timed event', { reminders: [-5] }],
      ['an all-day reminder under -1440', { time: allDay, reminders: [-1_445] }],
      ['a color outside the enum', { color: 'PURPLE' as Color }],
      ['an unparsable rrule', { rrule: 'EVERY TUESDAY' }],
      ['an unsupported FREQ', { rrule: 'FREQ=HOURLY;COUNT=3' }],
      ['COUNT together with UNTIL', { rrule: 'FREQ=DAILY;COUNT=3;UNTIL=20300601T000000Z' }],
      [
        'a lunar series that is not YEARLY',
        { time: { ...allDay, lunar: true }, rrule: 'FREQ=MONTHLY' },
      ],
    ])('rejects %s with -2', async (_case, overrides) => {
      await expectCode(
        client.calendar.createEvent(user.access_token, sampleEvent(overrides)),
        -2,
        400,
      );
    });

    it.each<[string, Partial<EventCreate>]>([
      ['a 50-character title', { title: 't'.repeat(50) }],
      ['a 5000-character description', { description: 'd'.repeat(5000) }],
      ['two reminders, 0 and 43200', { reminders: [0, 43_200] }],
      ['an all-day reminder of -1440', { time: allDay, reminders: [-1_440] }],
      ['a multi-day all-day event', { time: { ...allDay, end_at: '2030-05-08T00:00:00Z' } }],
      ['a weekly rrule with a trailing semicolon', { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4;' }],
      ['a lunar YEARLY series', { time: { ...allDay, lunar: true }, rrule: 'FREQ=YEARLY;COUNT=3' }],
      ['every color', { color: 'NAVY_BLUE' }],
    ])('accepts %s', async (_case, overrides) => {
      await expect(
        client.calendar.createEvent(user.access_token, sampleEvent(overrides)),
      ).resolves.toEqual(expect.any(String));
    });

    it('caps location.name at 50 characters on the client (11.20)', async () => {
      const id = await client.calendar.createEvent(
        user.access_token,
        sampleEvent({ location: { name: 'L'.repeat(80) } }),
      );
      const detail = await client.calendar.getEvent(user.access_token, id);
      expect(detail.location?.name).toBe('L'.repeat(50));
    });

    it('enforces location.name ≤ 100 in the sandbox (a raw form, since the client caps at 50)', async () => {
      const post = async (name: string): Promise<{ status: number; body: unknown }> => {
        const event = JSON.stringify({ ...sampleEvent(), location: { name } });
        const response = await request(`${harness.url}/v2/api/calendar/create/event`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${user.access_token}`,
            'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
          },
          body: new URLSearchParams({ event }).toString(),
        });
        return { status: response.statusCode, body: await response.body.json() };
      };
      expect(await post('L'.repeat(100))).toMatchObject({ status: 200 });
      expect(await post('L'.repeat(101))).toMatchObject({ status: 400, body: { code: -2 } });
    });
  });

  describe('4.6 list events', () => {
    it('lists events overlapping the window with the brief shape', async () => {
      const id = await client.calendar.createEvent(
        user.access_token,
        sampleEvent({ color: 'RED' }),
      );
      await client.calendar.createEvent(
        user.access_token,
        sampleEvent({ time: hoursFrom('2030-07-01T03:00:00Z') }),
      );
      const page = await client.calendar.listEvents(user.access_token, WINDOW);
      expect(page).toEqual({
        events: [
          expect.objectContaining({
            id,
            title: 'Contract event',
            type: 'USER',
            calendar_id: 'primary',
            is_host: true,
            color: 'RED',
            time: expect.objectContaining({ start_at: '2030-05-01T03:00:00Z' }),
          }),
        ],
        has_next: false,
      });
    });

    it('accepts a preset instead of a window', async () => {
      await expect(
        client.calendar.listEvents(user.access_token, {
          preset: 'THIS_WEEK',
          time_zone: 'Asia/Seoul',
        }),
      ).resolves.toEqual(expect.objectContaining({ events: expect.any(Array) }));
    });

    it.each([
      ['a window over 31 days', { from: '2030-05-01T00:00:00Z', to: '2030-06-01T00:05:00Z' }],
      ['to before from', { from: '2030-05-10T00:00:00Z', to: '2030-05-01T00:00:00Z' }],
      ['to equal to from', { from: '2030-05-10T00:00:00Z', to: '2030-05-10T00:00:00Z' }],
      ['neither preset nor window', {}],
      ['limit 99', { ...WINDOW, limit: 99 }],
      ['limit 1001', { ...WINDOW, limit: 1001 }],
    ])('rejects %s with -2', async (_case, query) => {
      await expectCode(client.calendar.listEvents(user.access_token, query), -2, 400);
    });

    it('accepts a 31-day window and limits 100 and 1000', async () => {
      const window = { from: '2030-05-01T00:00:00Z', to: '2030-06-01T00:00:00Z' };
      await client.calendar.listEvents(user.access_token, { ...window, limit: 100 });
      await client.calendar.listEvents(user.access_token, { ...window, limit: 1000 });
    });

    it('pages through more than 100 events via after_url', async () => {
      const created = new Set<string>();
      for (let i = 0; i < 130; i += 1) {
        const start = Date.UTC(2030, 4, 1) + i * 3 * 3_600_000;
        created.add(
          await client.calendar.createEvent(user.access_token, {
            title: `Event ${i}`,
            time: {
              start_at: new Date(start).toISOString().replace('.000', ''),
              end_at: new Date(start + 3_600_000).toISOString().replace('.000', ''),
            },
          }),
        );
      }
      const first = await client.calendar.listEvents(user.access_token, {
        ...WINDOW,
        limit: 100,
      });
      expect(first.events).toHaveLength(100);
      expect(first.has_next).toBe(true);
      expect(first.after_url).toEqual(expect.stringContaining('/v2/api/calendar/events?'));
      const second = await client.calendar.listEventsAfter(
        user.access_token,
        first.after_url ?? '',
      );
      expect(second.events).toHaveLength(30);
      expect(second.has_next).toBe(false);
      expect(second.after_url).toBeUndefined();

      const seen = new Set<string>();
      for await (const event of client.calendar.events(user.access_token, {
        ...WINDOW,
        limit: 100,
      })) {
        seen.add(event.id);
      }
      expect(seen).toEqual(created);
    });
  });

  describe('4.8 / 4.9 edit and delete own events', () => {
    it('changes only the fields sent and keeps the others', async () => {
      const id = await client.calendar.createEvent(
        user.access_token,
        sampleEvent({ description: 'keep me', reminders: [30] }),
      );
      const edited = await client.calendar.updateEvent(user.access_token, id, {
        title: 'Renamed',
      });
      expect(edited).toBe(id);
      const detail = await client.calendar.getEvent(user.access_token, id);
      expect(detail).toMatchObject({ title: 'Renamed', description: 'keep me', reminders: [30] });
    });

    it('validates the changed fields with -2', async () => {
      const id = await client.calendar.createEvent(user.access_token, sampleEvent());
      await expectCode(
        client.calendar.updateEvent(user.access_token, id, { title: 't'.repeat(51) }),
        -2,
        400,
      );
    });

    it('deletes an event', async () => {
      const id = await client.calendar.createEvent(user.access_token, sampleEvent());
      await client.calendar.deleteEvent(user.access_token, id);
      await expectCode(client.calendar.getEvent(user.access_token, id), -2, 400);
    });

    it("refuses edits and deletes of another user's event with -6", async () => {
      const other = await harness.control.createUser(app);
      const id = await client.calendar.createEvent(other.access_token, sampleEvent());
      await expectCode(
        client.calendar.updateEvent(user.access_token, id, { title: 'Mine now' }),
        -6,
        403,
      );
      await expectCode(client.calendar.deleteEvent(user.access_token, id), -6, 403);
      expect((await client.calendar.getEvent(other.access_token, id)).title).toBe('Contract event');
    });

    it('lets an invited guest change only personal settings (4.10)', async () => {
      const guest = await harness.control.createUser(app);
      const id = await client.calendar.createEvent(user.access_token, sampleEvent());
      await harness.control.invite(id, guest);
      const page = await client.calendar.listEvents(guest.access_token, WINDOW);
      expect(page.events).toEqual([expect.objectContaining({ id, is_host: false })]);
      await expect(
        client.calendar.updateGuestEvent(guest.access_token, id, {
          reminders: [10],
          color: 'GREEN',
          memo: 'bring badge',
        }),
      ).resolves.toBe(id);
      expect(await client.calendar.getEvent(guest.access_token, id)).toMatchObject({
        reminders: [10],
        color: 'GREEN',
        memo: 'bring badge',
        is_host: false,
      });
      // The host's copy keeps its own settings, and a guest may not edit as host.
      expect((await client.calendar.getEvent(user.access_token, id)).memo).toBeUndefined();
      await expectCode(
        client.calendar.updateEvent(guest.access_token, id, { title: 'Guest title' }),
        -6,
        403,
      );
    });

    it('refuses a guest edit by the host with -6 (4.10)', async () => {
      const id = await client.calendar.createEvent(user.access_token, sampleEvent());
      await expectCode(
        client.calendar.updateGuestEvent(user.access_token, id, { memo: 'note' }),
        -6,
        403,
      );
    });
  });

  describe('recurring events and recur_update_type', () => {
    // Mondays at 12:00 KST from 2030-05-06; the fifth (2030-06-03) lies outside WINDOW.
    const series = (): EventCreate =>
      sampleEvent({
        title: 'Weekly',
        time: hoursFrom('2030-05-06T03:00:00Z'),
        rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=5',
      });

    const occurrences = async (): Promise<EventBrief[]> =>
      (await listAll(user.access_token)).sort((a, b) =>
        a.time.start_at.localeCompare(b.time.start_at),
      );

    it('expands a series into occurrences marked is_recur_event', async () => {
      await client.calendar.createEvent(user.access_token, series());
      const list = await occurrences();
      expect(list.map((e) => e.time.start_at)).toEqual([
        '2030-05-06T03:00:00Z',
        '2030-05-13T03:00:00Z',
        '2030-05-20T03:00:00Z',
        '2030-05-27T03:00:00Z',
      ]);
      expect(list.every((e) => e.is_recur_event === true)).toBe(true);
      const detail = await client.calendar.getEvent(user.access_token, list[0].id);
      expect(detail.rrule).toContain('FREQ=WEEKLY');
    });

    it('requires recur_update_type to edit or delete a recurring event', async () => {
      await client.calendar.createEvent(user.access_token, series());
      const [first] = await occurrences();
      await expectCode(
        client.calendar.updateEvent(user.access_token, first.id, { title: 'x' }),
        -2,
        400,
      );
      await expectCode(client.calendar.deleteEvent(user.access_token, first.id), -2, 400);
    });

    it.each<[RecurUpdateType, string[]]>([
      ['THIS', ['Weekly', 'Changed', 'Weekly', 'Weekly']],
      ['THIS_AND_FOLLOWING', ['Weekly', 'Changed', 'Changed', 'Changed']],
      ['ALL', ['Changed', 'Changed', 'Changed', 'Changed']],
    ])('edits with %s', async (recurUpdateType, titles) => {
      await client.calendar.createEvent(user.access_token, series());
      const second = (await occurrences())[1];
      await client.calendar.updateEvent(
        user.access_token,
        second.id,
        { title: 'Changed' },
        { recurUpdateType },
      );
      const after = await occurrences();
      expect(after.map((e) => e.title)).toEqual(titles);
      expect(after.map((e) => e.time.start_at)).toEqual([
        '2030-05-06T03:00:00Z',
        '2030-05-13T03:00:00Z',
        '2030-05-20T03:00:00Z',
        '2030-05-27T03:00:00Z',
      ]);
    });

    it.each<[RecurUpdateType, string[]]>([
      ['THIS', ['2030-05-06T03:00:00Z', '2030-05-20T03:00:00Z', '2030-05-27T03:00:00Z']],
      ['THIS_AND_FOLLOWING', ['2030-05-06T03:00:00Z']],
      ['ALL', []],
    ])('deletes with %s', async (recurUpdateType, starts) => {
      await client.calendar.createEvent(user.access_token, series());
      const second = (await occurrences())[1];
      await client.calendar.deleteEvent(user.access_token, second.id, { recurUpdateType });
      expect((await occurrences()).map((e) => e.time.start_at)).toEqual(starts);
    });
  });
});
