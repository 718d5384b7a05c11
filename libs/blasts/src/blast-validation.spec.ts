import { messageErrors, occurrenceAfter, scheduleErrors } from './blast-validation';
import { type BlastMessage } from './blast.entity';

const message: BlastMessage = {
  idType: 'event',
  campaignId: '7a1f0a4e-8a5a-4b0b-9a53-1f4b7b0c2d11',
  title: 'Spring Pop-up',
  webUrl: 'https://example.com/popup',
};

describe('messageErrors', () => {
  it('accepts a complete calendar message', () => {
    expect(
      messageErrors({ ...message, button: { title: '자세히', webUrl: 'https://example.com' } }),
    ).toEqual({});
  });

  it.each<[string, Partial<BlastMessage>, string]>([
    ['an event without campaign', { campaignId: undefined }, 'message.campaignId'],
    ['a calendar without calendar', { idType: 'calendar' }, 'message.subscribeCalendarId'],
    ['no title, description or image', { title: undefined }, 'message.title'],
    ['no link', { webUrl: undefined }, 'message.webUrl'],
    ['a bad image URL', { imageUrl: 'popup.png' }, 'message.imageUrl'],
    ['a small image', { imageWidth: 100 }, 'message.imageWidth'],
    [
      'a long button title',
      { button: { title: 'x'.repeat(15), webUrl: 'https://e.com' } },
      'message.button.title',
    ],
    ['a button without link', { button: { title: 'Go' } }, 'message.button.webUrl'],
    [
      'a message over 10 KB',
      { description: 'x'.repeat(999), imageUrl: `https://e.com/${'y'.repeat(10_000)}` },
      'message',
    ],
  ])('rejects %s', (_case, change, field) => {
    expect(Object.keys(messageErrors({ ...message, ...change }))).toContain(field);
  });

  it('names the button link that is not a URL, not the other one', () => {
    const button = { title: 'Go', webUrl: 'https://e.com', mobileWebUrl: 'javascript:alert(1)' };
    expect(messageErrors({ ...message, button })).toEqual({
      'message.button.mobileWebUrl': 'must be an http(s) URL',
    });
  });
});

describe('schedules', () => {
  const now = new Date('2030-04-10T00:00:00Z');

  it('accepts now, a future local time and a rule with future occurrences', () => {
    expect(scheduleErrors({ kind: 'now', timeZone: 'Asia/Seoul' }, now)).toEqual({});
    expect(
      scheduleErrors({ kind: 'at', at: '2030-04-12T10:00', timeZone: 'Asia/Seoul' }, now),
    ).toEqual({});
    expect(
      scheduleErrors(
        {
          kind: 'recurring',
          at: '2030-04-12T10:00',
          rrule: 'FREQ=WEEKLY;COUNT=3',
          timeZone: 'Asia/Seoul',
        },
        now,
      ),
    ).toEqual({});
  });

  it('rejects the past, bad zones and rules', () => {
    expect(
      scheduleErrors({ kind: 'at', at: '2030-04-01T10:00', timeZone: 'Asia/Seoul' }, now),
    ).toHaveProperty(['schedule.at']);
    expect(scheduleErrors({ kind: 'now', timeZone: 'Nowhere/City' }, now)).toHaveProperty([
      'schedule.timeZone',
    ]);
    expect(
      scheduleErrors({ kind: 'recurring', at: '2030-04-12T10:00', timeZone: 'Asia/Seoul' }, now),
    ).toHaveProperty(['schedule.rrule']);
    expect(
      scheduleErrors(
        {
          kind: 'recurring',
          at: '2030-01-01T10:00',
          rrule: 'FREQ=DAILY;COUNT=2',
          timeZone: 'Asia/Seoul',
        },
        now,
      ),
    ).toHaveProperty(['schedule.rrule']);
  });

  it('finds the next occurrence in the schedule zone', () => {
    const schedule = {
      kind: 'recurring' as const,
      at: '2030-04-12T10:00',
      rrule: 'FREQ=WEEKLY',
      timeZone: 'Asia/Seoul',
    };
    expect(occurrenceAfter(schedule, now)?.toISOString()).toBe('2030-04-12T01:00:00.000Z');
    expect(occurrenceAfter(schedule, new Date('2030-04-12T01:00:01Z'))?.toISOString()).toBe(
      '2030-04-19T01:00:00.000Z',
    );
  });
});

describe('recurring schedules and local times', () => {
  const now = new Date('2030-04-10T00:00:00Z');
  const recurring = (rrule: string) =>
    scheduleErrors(
      { kind: 'recurring', at: '2030-04-12T10:00', rrule, timeZone: 'Asia/Seoul' },
      now,
    );

  it.each([
    'FREQ=DAILY',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE',
    'FREQ=MONTHLY;BYMONTHDAY=1;COUNT=12',
    'FREQ=YEARLY;BYMONTH=4;UNTIL=20350101T000000Z',
  ])('accepts %s', (rrule) => {
    expect(recurring(rrule)).toEqual({});
  });

  it.each([
    ['FREQ=SECONDLY;COUNT=5', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=MINUTELY', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=HOURLY;INTERVAL=1', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=DAILY;BYHOUR=9,10,11', expect.stringContaining('BYHOUR is not supported')],
    ['FREQ=DAILY;BYMINUTE=0,30', expect.stringContaining('BYMINUTE is not supported')],
    ['FREQ=WEEKLY;BYSECOND=1,2', expect.stringContaining('BYSECOND is not supported')],
  ])('refuses %s, which could run more than once a day', (rrule, reason) => {
    expect(recurring(rrule)).toEqual({ 'schedule.rrule': reason });
  });

  it('has no next run for a rule outside the allowed set (stored before it was checked)', () => {
    expect(
      occurrenceAfter(
        {
          kind: 'recurring',
          at: '2030-04-12T10:00',
          rrule: 'FREQ=SECONDLY',
          timeZone: 'Asia/Seoul',
        },
        now,
      ),
    ).toBeUndefined();
  });

  it.each([
    '12',
    '2030-04-12',
    '2030-04-12T10',
    '2030-02-30T10:00',
    '0000-01-01T10:00',
    '2030-04-12T24:00',
    '2030-04-12T10:00Z',
    '2030-W15-5T10:00',
    '2030-04-12 10:00',
  ])('refuses the local time %j by schedule.at', (at) => {
    expect(scheduleErrors({ kind: 'at', at, timeZone: 'Asia/Seoul' }, now)).toEqual({
      'schedule.at': 'must be a local date-time YYYY-MM-DDTHH:mm',
    });
  });

  it('accepts a local time with seconds, as a datetime-local input may send it', () => {
    expect(
      scheduleErrors({ kind: 'at', at: '2030-04-12T10:00:30', timeZone: 'Asia/Seoul' }, now),
    ).toEqual({});
  });
});
