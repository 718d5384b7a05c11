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
