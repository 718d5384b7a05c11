import {
  allDayEventTime,
  gridCeil,
  gridFloor,
  localDate,
  timedEventTime,
  windowBound,
} from './time-grid';

const at = (iso: string): Date => new Date(iso);

describe('gridFloor / gridCeil', () => {
  it('keeps an instant already on the grid', () => {
    expect(gridFloor(at('2024-05-01T03:05:00.000Z'))).toBe('2024-05-01T03:05:00Z');
    expect(gridCeil(at('2024-05-01T03:05:00.000Z'))).toBe('2024-05-01T03:05:00Z');
  });

  it('rounds minutes off the grid down for starts and up for ends', () => {
    expect(gridFloor(at('2024-05-01T03:07:00Z'))).toBe('2024-05-01T03:05:00Z');
    expect(gridCeil(at('2024-05-01T03:07:00Z'))).toBe('2024-05-01T03:10:00Z');
  });

  it('rounds seconds', () => {
    expect(gridFloor(at('2024-05-01T03:05:01Z'))).toBe('2024-05-01T03:05:00Z');
    expect(gridCeil(at('2024-05-01T03:05:01Z'))).toBe('2024-05-01T03:10:00Z');
  });

  it('rounds milliseconds and never prints them', () => {
    expect(gridFloor(at('2024-05-01T03:09:59.999Z'))).toBe('2024-05-01T03:05:00Z');
    expect(gridCeil(at('2024-05-01T03:05:00.001Z'))).toBe('2024-05-01T03:10:00Z');
  });

  it('crosses hour, day and year boundaries', () => {
    expect(gridCeil(at('2024-12-31T23:57:00Z'))).toBe('2025-01-01T00:00:00Z');
    expect(gridFloor(at('2025-01-01T00:04:59Z'))).toBe('2025-01-01T00:00:00Z');
  });

  it('accepts epoch milliseconds', () => {
    expect(gridFloor(Date.UTC(2024, 4, 1, 3, 7, 30))).toBe('2024-05-01T03:05:00Z');
  });

  it('rejects invalid dates', () => {
    expect(() => gridFloor(new Date('nope'))).toThrow(RangeError);
  });
});

describe('timedEventTime', () => {
  it('floors the start, ceils the end and defaults the zone to Asia/Seoul', () => {
    expect(
      timedEventTime({ start: at('2024-05-01T03:02:10Z'), end: at('2024-05-01T04:00:01Z') }),
    ).toEqual({
      start_at: '2024-05-01T03:00:00Z',
      end_at: '2024-05-01T04:05:00Z',
      time_zone: 'Asia/Seoul',
      all_day: false,
    });
  });

  it('keeps a span shorter than the grid non-empty', () => {
    const time = timedEventTime({
      start: at('2024-05-01T03:01:00Z'),
      end: at('2024-05-01T03:02:00Z'),
    });
    expect([time.start_at, time.end_at]).toEqual(['2024-05-01T03:00:00Z', '2024-05-01T03:05:00Z']);
  });

  it('rejects an end that is not after the start', () => {
    const start = at('2024-05-01T03:00:00Z');
    expect(() => timedEventTime({ start, end: start })).toThrow(RangeError);
    expect(() => timedEventTime({ start, end: at('2024-05-01T02:00:00Z') })).toThrow(RangeError);
  });

  it('keeps the given zone', () => {
    const time = timedEventTime({
      start: at('2024-05-01T03:00:00Z'),
      end: at('2024-05-01T04:00:00Z'),
      timeZone: 'Europe/Berlin',
    });
    expect(time.time_zone).toBe('Europe/Berlin');
  });
});

describe('allDayEventTime', () => {
  it('spans one day from midnight to the next midnight (exclusive end)', () => {
    expect(allDayEventTime({ first: '2024-05-05' })).toEqual({
      start_at: '2024-05-05T00:00:00Z',
      end_at: '2024-05-06T00:00:00Z',
      time_zone: 'Asia/Seoul',
      all_day: true,
    });
  });

  it('includes the last day of a multi-day span, across months and leap days', () => {
    const time = allDayEventTime({ first: '2024-02-28', last: '2024-03-01' });
    expect([time.start_at, time.end_at]).toEqual(['2024-02-28T00:00:00Z', '2024-03-02T00:00:00Z']);
  });

  it('reads an instant as a date in the time zone', () => {
    // 2024-05-04T16:00Z is 2024-05-05 01:00 in Seoul but still 2024-05-04 in UTC.
    const instant = at('2024-05-04T16:00:00Z');
    expect(allDayEventTime({ first: instant }).start_at).toBe('2024-05-05T00:00:00Z');
    expect(allDayEventTime({ first: instant, timeZone: 'UTC' }).start_at).toBe(
      '2024-05-04T00:00:00Z',
    );
  });

  it('carries the lunar flag when given', () => {
    expect(allDayEventTime({ first: '2024-08-15', lunar: true }).lunar).toBe(true);
  });

  it('rejects malformed and impossible dates and reversed spans', () => {
    expect(() => allDayEventTime({ first: '2024-5-5' })).toThrow(RangeError);
    expect(() => allDayEventTime({ first: '2023-02-29' })).toThrow(RangeError);
    expect(() => allDayEventTime({ first: '2024-05-05', last: '2024-05-04' })).toThrow(RangeError);
  });
});

describe('localDate and windowBound', () => {
  it('gives the calendar date in a zone', () => {
    expect(localDate(at('2024-12-31T15:30:00Z'), 'Asia/Seoul')).toBe('2025-01-01');
    expect(localDate(at('2024-12-31T15:30:00Z'), 'UTC')).toBe('2024-12-31');
  });

  it('puts Date bounds on the grid and passes strings through', () => {
    expect(windowBound(at('2024-05-01T03:07:00Z'), 'from')).toBe('2024-05-01T03:05:00Z');
    expect(windowBound(at('2024-05-01T03:07:00Z'), 'to')).toBe('2024-05-01T03:10:00Z');
    expect(windowBound('2024-05-01T03:00:00Z', 'to')).toBe('2024-05-01T03:00:00Z');
  });
});
