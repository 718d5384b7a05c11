import { type CampaignSnapshot } from './campaign-content';
import { characterCount, snapshotErrors } from './campaign-validation';

function draft(
  overrides: Partial<CampaignSnapshot['content']> = {},
  meta: Partial<CampaignSnapshot> = {},
): CampaignSnapshot {
  return {
    name: 'Spring pop-up',
    tags: ['seoul'],
    target: { kind: 'public_events' },
    ...meta,
    content: {
      title: '성수 팝업 스토어',
      allDay: false,
      startsAt: '2025-04-12T10:00:00+09:00',
      endsAt: '2025-04-12T19:00:00+09:00',
      timeZone: 'Asia/Seoul',
      ...overrides,
    },
  };
}

describe('snapshotErrors', () => {
  it('accepts a complete valid draft', () => {
    expect(
      snapshotErrors(
        draft({
          description: 'x'.repeat(5000),
          rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=3',
          location: { name: 'Seongsu', latitude: 37.54, longitude: 127.05 },
          reminders: [0, 43200],
          color: 'MINT',
          banner: { pcImageUrl: 'https://cdn.example.com/b.png', bgColor: '#FFAA00' },
          reminderButton: { title: '상세보기', webUrl: 'https://example.com/e/1' },
        }),
      ),
    ).toEqual({});
  });

  it.each<[string, Partial<CampaignSnapshot['content']>, string]>([
    ['empty title', { title: '  ' }, 'content.title'],
    ['51-character title', { title: '가'.repeat(51) }, 'content.title'],
    ['5001-character description', { description: 'x'.repeat(5001) }, 'content.description'],
    ['end before start', { endsAt: '2025-04-12T09:00:00+09:00' }, 'content.endsAt'],
    ['end equal to start', { endsAt: '2025-04-12T10:00:00+09:00' }, 'content.endsAt'],
    ['start without zone', { startsAt: '2025-04-12T10:00:00' }, 'content.startsAt'],
    ['unknown zone', { timeZone: 'Mars/Base' }, 'content.timeZone'],
    ['three reminders', { reminders: [5, 10, 15] }, 'content.reminders'],
    ['reminder off the 5-minute grid', { reminders: [7] }, 'content.reminders'],
    ['negative reminder on a timed event', { reminders: [-5] }, 'content.reminders'],
    ['reminder over 30 days', { reminders: [43205] }, 'content.reminders'],
    ['bad colour', { color: 'TEAL' as never }, 'content.color'],
    ['bad rrule', { rrule: 'FREQ=HOURLY' }, 'content.rrule'],
    ['COUNT with UNTIL', { rrule: 'FREQ=DAILY;COUNT=2;UNTIL=20250101' }, 'content.rrule'],
    ['location without name', { location: { name: '' } }, 'content.location.name'],
    ['51-character location name', { location: { name: 'x'.repeat(51) } }, 'content.location.name'],
    [
      'latitude out of range',
      { location: { name: 'x', latitude: 91, longitude: 0 } },
      'content.location.latitude',
    ],
    [
      'banner image not a URL',
      { banner: { pcImageUrl: 'banner.png' } },
      'content.banner.pcImageUrl',
    ],
    ['banner colour', { banner: { bgColor: 'orange' } }, 'content.banner.bgColor'],
    ['button without link', { reminderButton: { title: 'Go' } }, 'content.reminderButton.webUrl'],
  ])('rejects %s naming the field', (_case, overrides, field) => {
    expect(Object.keys(snapshotErrors(draft(overrides)))).toEqual([field]);
  });

  it('checks all-day dates and their reminder range', () => {
    const allDay = {
      allDay: true,
      startsAt: undefined,
      endsAt: undefined,
      startDate: '2025-05-05',
      endDate: '2025-05-05',
    };
    expect(snapshotErrors(draft({ ...allDay, reminders: [-540, -1440] }))).toEqual({});
    expect(Object.keys(snapshotErrors(draft({ ...allDay, endDate: '2025-05-04' })))).toEqual([
      'content.endDate',
    ]);
    expect(Object.keys(snapshotErrors(draft({ ...allDay, startDate: '2025-02-30' })))).toEqual([
      'content.startDate',
    ]);
    expect(Object.keys(snapshotErrors(draft({ ...allDay, reminders: [-1445] })))).toEqual([
      'content.reminders',
    ]);
  });

  it('checks our own fields', () => {
    expect(Object.keys(snapshotErrors(draft({}, { name: '' })))).toEqual(['name']);
    expect(
      Object.keys(
        snapshotErrors(draft({}, { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })),
      ),
    ).toEqual(['tags']);
    expect(
      Object.keys(
        snapshotErrors(draft({}, { target: { kind: 'subscribe_calendar', calendarId: '' } })),
      ),
    ).toEqual(['target.calendarId']);
  });
});

describe('characterCount', () => {
  it('counts Hangul syllables and emoji as one character each', () => {
    expect(characterCount('성수🎉')).toBe(3);
  });
});
