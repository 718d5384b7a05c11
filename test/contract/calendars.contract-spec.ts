import { request } from 'undici';

import { type CalendarFilter, type Color, type KakaoClient } from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, sandboxOnly } from './parity';

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly(
  'mints a fresh user per test through the control API (4.1 also runs in parity.contract-spec)',
);

describeContract('user calendars (4.1–4.4)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;
  let user: SandboxUser;

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp();
    client = harness.clientFor(app);
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    user = await harness.control.createUser(app);
  });

  describe('4.1 list calendars', () => {
    it('answers primary with its settings and no subscribed calendar for a new user', async () => {
      const list = await client.calendar.listCalendars(user.access_token);
      const primary = list.calendars.find((calendar) => calendar.id === 'primary');
      expect(primary).toEqual(expect.objectContaining({ id: 'primary', name: expect.any(String) }));
      expect(list.subscribe_calendars).toEqual([]);
    });

    it('filters USER calendars and SUBSCRIBE calendars', async () => {
      const users = await client.calendar.listCalendars(user.access_token, 'USER');
      expect(users.calendars.map((c) => c.id)).toContain('primary');
      const subscribed = await client.calendar.listCalendars(user.access_token, 'SUBSCRIBE');
      expect(subscribed.calendars).toEqual([]);
    });

    it('takes several filter values separated by a comma', async () => {
      const both = await client.calendar.listCalendars(user.access_token, ['USER', 'SUBSCRIBE']);
      expect(both.calendars.map((c) => c.id)).toContain('primary');
      const raw = await request(
        `${harness.apiBaseUrl}/v2/api/calendar/calendars?filter=USER,SUBSCRIBE`,
        { headers: { authorization: `Bearer ${user.access_token}` } },
      );
      expect(raw.statusCode).toBe(200);
      const body = (await raw.body.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['calendars', 'subscribe_calendars']);
      const subscribeOnly = await request(
        `${harness.apiBaseUrl}/v2/api/calendar/calendars?filter=SUBSCRIBE`,
        { headers: { authorization: `Bearer ${user.access_token}` } },
      );
      expect(Object.keys((await subscribeOnly.body.json()) as object)).toEqual([
        'subscribe_calendars',
      ]);
    });

    it('rejects an unknown filter with -2, alone or among others', async () => {
      await expectCode(client.calendar.listCalendars(user.access_token, 'MINE' as 'USER'), -2, 400);
      const mixed: readonly string[] = ['USER', 'MINE'];
      await expectCode(
        client.calendar.listCalendars(user.access_token, mixed as readonly CalendarFilter[]),
        -2,
        400,
      );
    });
  });

  describe('4.2–4.4 sub-calendars', () => {
    it('creates, lists, updates and deletes a sub-calendar', async () => {
      const id = await client.calendar.createCalendar(user.access_token, {
        name: 'Our Brand',
        color: 'MINT',
        reminder: 60,
        reminder_all_day: -540,
      });
      expect(id).toEqual(expect.any(String));
      expect(id).not.toBe('primary');

      let list = await client.calendar.listCalendars(user.access_token, 'USER');
      expect(list.calendars).toContainEqual({
        id,
        name: 'Our Brand',
        color: 'MINT',
        reminder: 60,
        reminder_all_day: -540,
      });

      await client.calendar.updateCalendar(user.access_token, id, {
        name: 'Renamed',
        color: 'RED',
      });
      list = await client.calendar.listCalendars(user.access_token, 'USER');
      expect(list.calendars.find((c) => c.id === id)).toMatchObject({
        name: 'Renamed',
        color: 'RED',
        reminder: 60,
      });

      await client.calendar.deleteCalendar(user.access_token, id);
      list = await client.calendar.listCalendars(user.access_token, 'USER');
      expect(list.calendars.map((c) => c.id)).not.toContain(id);
    });

    it('deletes the events of a deleted sub-calendar', async () => {
      const calendarId = await client.calendar.createCalendar(user.access_token, {
        name: 'Temp',
      });
      const eventId = await client.calendar.createEvent(
        user.access_token,
        {
          title: 'In temp',
          time: {
            start_at: '2030-05-01T03:00:00Z',
            end_at: '2030-05-01T04:00:00Z',
          },
        },
        { calendarId },
      );
      await client.calendar.deleteCalendar(user.access_token, calendarId);
      await expectCode(client.calendar.getEvent(user.access_token, eventId), -2, 400);
    });

    it.each([
      ['an empty name', { name: '' }],
      ['a name over 50 characters', { name: 'n'.repeat(51) }],
      ['a color outside the enum', { name: 'Colored', color: 'PURPLE' as Color }],
      ['a reminder off the 5-minute grid', { name: 'Reminded', reminder: 7 }],
      ['a timed reminder over 30 days', { name: 'Reminded', reminder: 43_205 }],
      ['a negative timed reminder', { name: 'Reminded', reminder: -5 }],
      ['an all-day reminder under -1440', { name: 'Reminded', reminder_all_day: -1_445 }],
    ])('rejects %s with -2', async (_case, calendar) => {
      await expectCode(client.calendar.createCalendar(user.access_token, calendar), -2, 400);
    });

    it('accepts a 50-character name', async () => {
      await expect(
        client.calendar.createCalendar(user.access_token, { name: 'n'.repeat(50) }),
      ).resolves.toEqual(expect.any(String));
    });

    it('allows 3 sub-calendars per service and rejects the 4th with -2', async () => {
      for (const name of ['One', 'Two', 'Three']) {
        await client.calendar.createCalendar(user.access_token, { name });
      }
      await expectCode(
        client.calendar.createCalendar(user.access_token, { name: 'Four' }),
        -2,
        400,
      );
    });

    it('rejects a duplicate name with -2', async () => {
      await client.calendar.createCalendar(user.access_token, { name: 'Twice' });
      await expectCode(
        client.calendar.createCalendar(user.access_token, { name: 'Twice' }),
        -2,
        400,
      );
    });

    it('rejects an update that changes nothing with -2', async () => {
      const id = await client.calendar.createCalendar(user.access_token, { name: 'Same' });
      await expectCode(client.calendar.updateCalendar(user.access_token, id, {}), -2, 400);
    });

    it('rejects invalid values on update with -2', async () => {
      const id = await client.calendar.createCalendar(user.access_token, { name: 'Valid' });
      await expectCode(
        client.calendar.updateCalendar(user.access_token, id, { color: 'TEAL' as Color }),
        -2,
        400,
      );
    });

    it('answers -2 for an unknown calendar id', async () => {
      await expectCode(
        client.calendar.updateCalendar(user.access_token, 'user_nope', { name: 'x' }),
        -2,
        400,
      );
      await expectCode(client.calendar.deleteCalendar(user.access_token, 'user_nope'), -2, 400);
    });

    it('refuses to change or delete primary with -6', async () => {
      await expectCode(
        client.calendar.updateCalendar(user.access_token, 'primary', { name: 'Mine' }),
        -6,
        403,
      );
      await expectCode(client.calendar.deleteCalendar(user.access_token, 'primary'), -6, 403);
    });
  });
});
