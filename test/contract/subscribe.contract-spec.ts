import { type KakaoClient } from '@app/kakao-client';

import {
  type ContractHarness,
  expectCode,
  parityApp,
  sampleEvent,
  type SandboxApp,
  type SandboxUser,
  startContractHarness,
} from './contract-setup';
import { describeContract, RUNS_IN_PARITY, sandboxOnly } from './parity';

/** Why this suite cannot run against the real API (parity mode). */
const PARITY_CLAIM = sandboxOnly(
  'subscribe calendars are sandbox fixtures (Kakao makes them on request)',
);

describeContract('subscribe calendars (4.17–4.19)', PARITY_CLAIM, () => {
  let harness: ContractHarness;
  let app: SandboxApp;
  let client: KakaoClient;
  let user: SandboxUser;
  let calendarId: string;

  beforeAll(async () => {
    harness = await startContractHarness();
    app = await harness.control.createApp({
      subscribe_calendars: [
        { name: 'Brand Weekly Drops', color: 'ORANGE', description: 'New drops every Friday' },
      ],
    });
    client = harness.clientFor(app);
    calendarId = app.subscribe_calendars[0].id;
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    user = await harness.control.createUser(app);
  });

  it("4.17 lists the subscribe calendars of the app's channels", async () => {
    const calendars = await client.subscriptions.listSubscribableCalendars();
    expect(calendars).toEqual([
      expect.objectContaining({
        id: calendarId,
        name: 'Brand Weekly Drops',
        color: 'ORANGE',
        description: 'New drops every Friday',
      }),
    ]);
    await expect(
      client.subscriptions.listSubscribableCalendars({
        channelPublicId: app.channels[0].channel_public_id,
      }),
    ).resolves.toHaveLength(1);
  });

  it('4.17 lists nothing of another app', async () => {
    const other = await harness.control.createApp({ name: 'other' });
    await expect(
      harness.clientFor(other).subscriptions.listSubscribableCalendars(),
    ).resolves.toEqual([]);
  });

  it('4.18 subscribes (idempotently) and 4.1 lists the calendar under filter=SUBSCRIBE', async () => {
    await client.subscriptions.subscribe(user.access_token, calendarId);
    await client.subscriptions.subscribe(user.access_token, calendarId);
    const subscribed = await client.calendar.listCalendars(user.access_token, 'SUBSCRIBE');
    expect(subscribed.subscribe_calendars).toEqual([
      expect.objectContaining({ id: calendarId, name: 'Brand Weekly Drops' }),
    ]);
    expect(subscribed.calendars).toEqual([]);
    const all = await client.calendar.listCalendars(user.access_token, 'ALL');
    expect(all.calendars.map((c) => c.id)).toContain('primary');
    expect(all.subscribe_calendars.map((c) => c.id)).toEqual([calendarId]);
  });

  it('4.19 unsubscribes; unsubscribing again answers -2', async () => {
    await client.subscriptions.subscribe(user.access_token, calendarId);
    await client.subscriptions.unsubscribe(user.access_token, calendarId);
    const list = await client.calendar.listCalendars(user.access_token, 'SUBSCRIBE');
    expect(list.subscribe_calendars).toEqual([]);
    await expectCode(client.subscriptions.unsubscribe(user.access_token, calendarId), -2, 400);
  });

  it('answers -2 for an unknown subscribe calendar', async () => {
    await expectCode(client.subscriptions.subscribe(user.access_token, 'sub_nope'), -2, 400);
  });

  it('refuses events in and changes to a subscribed calendar with -6', async () => {
    await client.subscriptions.subscribe(user.access_token, calendarId);
    await expectCode(
      client.calendar.createEvent(user.access_token, sampleEvent(), { calendarId }),
      -6,
      403,
    );
    await expectCode(
      client.calendar.updateCalendar(user.access_token, calendarId, { name: 'Mine' }),
      -6,
      403,
    );
  });

  it('needs talk_calendar consent (-402)', async () => {
    const noConsent = await harness.control.createUser(app, { scopes: ['talk_message'] });
    const error = await expectCode(
      client.subscriptions.subscribe(noConsent.access_token, calendarId),
      -402,
      403,
    );
    expect(error.requiredScopes).toEqual(['talk_calendar']);
  });
});

describeContract('holidays (4.20)', RUNS_IN_PARITY, () => {
  let harness: ContractHarness;
  let client: KakaoClient;

  beforeAll(async () => {
    harness = await startContractHarness();
    // The admin key is all holidays need: the configured app's in parity mode.
    client = harness.clientFor(
      harness.parity ? parityApp(harness.parity) : await harness.control.createApp(),
    );
  });
  afterAll(() => harness.close());

  it("answers Korea's public holidays as all-day spans", async () => {
    const holidays = await client.holidays.listHolidays({
      from: '2024-05-01T00:00:00Z',
      to: '2024-05-31T00:00:00Z',
    });
    expect(holidays).toContainEqual(
      expect.objectContaining({
        holiday: true,
        title: expect.any(String),
        time: expect.objectContaining({
          start_at: '2024-05-05T00:00:00Z',
          end_at: '2024-05-06T00:00:00Z',
          all_day: true,
        }),
      }),
    );
    for (const holiday of holidays) {
      expect(holiday.time.start_at >= '2024-05-01' || holiday.time.end_at > '2024-05-01').toBe(
        true,
      );
      expect(typeof holiday.holiday).toBe('boolean');
    }
  });

  it('accepts a window of exactly 31 days and rejects a longer one with -2', async () => {
    await expect(
      client.holidays.listHolidays({ from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:00:00Z' }),
    ).resolves.toEqual(expect.any(Array));
    await expectCode(
      client.holidays.listHolidays({ from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:05:00Z' }),
      -2,
      400,
    );
    await expectCode(
      client.holidays.listHolidays({ from: '2024-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' }),
      -2,
      400,
    );
  });

  it('requires from and to (-2)', async () => {
    await expectCode(
      client.holidays.listHolidays({ from: '2024-05-01T00:00:00Z', to: 'soon' }),
      -2,
      400,
    );
  });
});
