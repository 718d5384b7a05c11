import { campaignsByDay, holidaysByDay, monthGrid, shiftMonth } from '@admin/calendar/monthGrid';
import { occurrencesInWindow } from '@admin/calendar/occurrences';
import { type Campaign } from '@admin/campaigns/types';

const once = { first: '2030-04-12', last: '2030-04-12' };

describe('month grid', () => {
  it('is six weeks from the Sunday on or before the 1st', () => {
    const weeks = monthGrid(2030, 4);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2030-03-31');
    expect(weeks[5]?.[6]).toBe('2030-05-11');
  });

  it('moves across years', () => {
    expect(shiftMonth(2030, 12, 1)).toEqual({ year: 2031, month: 1 });
    expect(shiftMonth(2030, 1, -1)).toEqual({ year: 2029, month: 12 });
  });

  it('marks every day of a holiday span (Kakao gives [start, end) in UTC)', () => {
    const marks = holidaysByDay([
      {
        title: '설날',
        holiday: true,
        time: { start_at: '2030-02-02T00:00:00Z', end_at: '2030-02-05T00:00:00Z' },
      },
      {
        title: '발렌타인데이',
        holiday: false,
        time: { start_at: '2030-02-14T00:00:00Z', end_at: '2030-02-15T00:00:00Z' },
      },
    ]);
    expect([...marks.keys()]).toEqual(['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-14']);
    expect(marks.get('2030-02-14')).toEqual([{ title: '발렌타인데이', off: false }]);
  });

  it('places a timed campaign on its local days in the channel’s zone', () => {
    const campaign = {
      id: 'c1',
      startsAt: '2030-04-11T16:00:00Z',
      endsAt: '2030-04-11T17:00:00Z',
      content: { allDay: false, timeZone: 'Asia/Seoul' },
    } as Campaign;
    const byDay = campaignsByDay([campaign], monthGrid(2030, 4).flat(), 'Asia/Seoul');
    expect(byDay.get('2030-04-12')).toEqual([campaign]);
    expect(byDay.get('2030-04-11')).toEqual([]);
  });
});

describe('occurrences in a month', () => {
  const window = ['2030-03-31', '2030-05-11'] as const;

  it.each([
    ['FREQ=DAILY;COUNT=3', ['2030-04-12', '2030-04-13', '2030-04-14']],
    [
      'FREQ=WEEKLY;BYDAY=MO,FR;UNTIL=20300422',
      ['2030-04-12', '2030-04-15', '2030-04-19', '2030-04-22'],
    ],
    ['FREQ=WEEKLY;INTERVAL=2;COUNT=3', ['2030-04-12', '2030-04-26', '2030-05-10']],
    ['FREQ=MONTHLY;BYMONTHDAY=31', []],
    ['FREQ=MONTHLY', ['2030-04-12', '2030-05-12'].filter((day) => day <= window[1])],
    ['FREQ=YEARLY', ['2030-04-12']],
  ])('%s', (rule, starts) => {
    const found = occurrencesInWindow(rule, false, once, ...window).map((span) => span.first);
    expect(found).toEqual(starts);
  });

  it('keeps the length of multi-day occurrences and drops those outside the window', () => {
    const found = occurrencesInWindow(
      'FREQ=WEEKLY',
      false,
      { first: '2030-03-25', last: '2030-03-26' },
      ...window,
    );
    expect(found[0]).toEqual({ first: '2030-04-01', last: '2030-04-02' });
    expect(found.every((span) => span.first >= '2030-03-30')).toBe(true);
  });

  it('shows lunar and unreadable rules on their first occurrence only', () => {
    expect(occurrencesInWindow('FREQ=YEARLY', true, once, ...window)).toEqual([once]);
    expect(occurrencesInWindow('FREQ=YEARLY;BYMONTH=4', false, once, ...window)).toEqual([once]);
  });
});
