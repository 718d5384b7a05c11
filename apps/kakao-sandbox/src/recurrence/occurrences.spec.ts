import {
  countStartsBefore,
  firstStart,
  isOccurrenceStart,
  occurrenceStarts,
  type SeriesShape,
} from '@app/kakao-sandbox/recurrence/occurrences';
import type { TimeSpec } from '@app/kakao-sandbox/state/models';
import { formatInstant, parseInstant } from '@app/kakao-sandbox/validation/datetime';
import { parseRecurrenceRule } from '@app/kakao-sandbox/validation/rrule';

const at = (text: string): number => parseInstant(text) ?? NaN;
const iso = (values: number[]): string[] => values.map(formatInstant);

function timed(start: string, end: string, timeZone = 'Asia/Seoul'): TimeSpec {
  return { startMs: at(start), endMs: at(end), timeZone, allDay: false, lunar: false };
}

describe('occurrence expansion', () => {
  it('answers a single event when it overlaps the window', () => {
    const shape: SeriesShape = { time: timed('2030-05-06T01:00:00Z', '2030-05-06T02:00:00Z') };
    expect(
      iso(occurrenceStarts(shape, at('2030-05-06T01:30:00Z'), at('2030-05-07T00:00:00Z'))),
    ).toEqual(['2030-05-06T01:00:00Z']);
    expect(occurrenceStarts(shape, at('2030-05-06T02:00:00Z'), at('2030-05-07T00:00:00Z'))).toEqual(
      [],
    );
  });

  it('expands weekly rules in the event zone (Seoul, UTC+9: Monday 09:00 is Monday 00:00Z)', () => {
    const shape: SeriesShape = {
      time: timed('2030-05-06T00:00:00Z', '2030-05-06T01:00:00Z'),
      rule: parseRecurrenceRule('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4'),
    };
    expect(
      iso(occurrenceStarts(shape, at('2030-05-01T00:00:00Z'), at('2030-06-01T00:00:00Z'))),
    ).toEqual([
      '2030-05-06T00:00:00Z',
      '2030-05-08T00:00:00Z',
      '2030-05-13T00:00:00Z',
      '2030-05-15T00:00:00Z',
    ]);
  });

  it('keeps local wall time across a DST change', () => {
    // 09:00 in New York: 14:00Z in winter, 13:00Z after DST starts on 2030-03-10.
    const shape: SeriesShape = {
      time: timed('2030-03-03T14:00:00Z', '2030-03-03T15:00:00Z', 'America/New_York'),
      rule: parseRecurrenceRule('FREQ=WEEKLY;COUNT=3'),
    };
    expect(
      iso(occurrenceStarts(shape, at('2030-03-01T00:00:00Z'), at('2030-04-01T00:00:00Z'))),
    ).toEqual(['2030-03-03T14:00:00Z', '2030-03-10T13:00:00Z', '2030-03-17T13:00:00Z']);
  });

  it('honours UNTIL (instant and inclusive date) and INTERVAL', () => {
    const time = timed('2030-01-01T00:00:00Z', '2030-01-01T00:30:00Z');
    const until = {
      time,
      rule: parseRecurrenceRule('FREQ=DAILY;INTERVAL=2;UNTIL=20300105T000000Z'),
    };
    expect(
      iso(occurrenceStarts(until, at('2029-12-01T00:00:00Z'), at('2030-02-01T00:00:00Z'))),
    ).toEqual(['2030-01-01T00:00:00Z', '2030-01-03T00:00:00Z', '2030-01-05T00:00:00Z']);
    const untilDate = { time, rule: parseRecurrenceRule('FREQ=DAILY;UNTIL=20300102') };
    expect(
      occurrenceStarts(untilDate, at('2029-12-01T00:00:00Z'), at('2030-02-01T00:00:00Z')),
    ).toHaveLength(2);
  });

  it('expands all-day rules on dates', () => {
    const shape: SeriesShape = {
      time: {
        startMs: at('2030-01-31T00:00:00Z'),
        endMs: at('2030-02-01T00:00:00Z'),
        timeZone: 'Asia/Seoul',
        allDay: true,
        lunar: false,
      },
      rule: parseRecurrenceRule('FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3'),
    };
    expect(
      iso(occurrenceStarts(shape, at('2030-01-01T00:00:00Z'), at('2030-05-01T00:00:00Z'))),
    ).toEqual(['2030-01-31T00:00:00Z', '2030-02-28T00:00:00Z', '2030-03-31T00:00:00Z']);
  });

  it('repeats lunar events on the lunar date (Seollal)', () => {
    const shape: SeriesShape = {
      time: {
        startMs: at('2024-02-10T00:00:00Z'),
        endMs: at('2024-02-11T00:00:00Z'),
        timeZone: 'Asia/Seoul',
        allDay: true,
        lunar: true,
      },
      rule: parseRecurrenceRule('FREQ=YEARLY'),
    };
    expect(
      iso(occurrenceStarts(shape, at('2024-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))),
    ).toEqual(['2024-02-10T00:00:00Z', '2025-01-29T00:00:00Z', '2026-02-17T00:00:00Z']);
    expect(
      iso(occurrenceStarts(shape, at('2027-01-01T00:00:00Z'), at('2027-12-31T00:00:00Z'))),
    ).toEqual(['2027-02-07T00:00:00Z']);
  });

  it('counts, finds and recognises occurrences', () => {
    const shape: SeriesShape = {
      time: timed('2030-05-06T00:00:00Z', '2030-05-06T00:30:00Z'),
      rule: parseRecurrenceRule('FREQ=DAILY;COUNT=5'),
    };
    expect(countStartsBefore(shape, at('2030-05-08T00:00:00Z'))).toBe(2);
    expect(countStartsBefore(shape, at('2031-01-01T00:00:00Z'))).toBe(5);
    expect(formatInstant(firstStart(shape) ?? 0)).toBe('2030-05-06T00:00:00Z');
    expect(isOccurrenceStart(shape, at('2030-05-09T00:00:00Z'))).toBe(true);
    expect(isOccurrenceStart(shape, at('2030-05-11T00:00:00Z'))).toBe(false);
    expect(isOccurrenceStart(shape, at('2030-05-09T00:05:00Z'))).toBe(false);
  });

  it('answers no first occurrence when UNTIL precedes the start', () => {
    const shape: SeriesShape = {
      time: timed('2030-05-06T00:00:00Z', '2030-05-06T00:30:00Z'),
      rule: parseRecurrenceRule('FREQ=DAILY;UNTIL=20300101T000000Z'),
    };
    expect(firstStart(shape)).toBeUndefined();
  });
});
