import { KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import { formatTime, parseTime } from '@app/kakao-sandbox/validation/time';

function codeOf(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof KakaoError ? error.code : NaN;
  }
}

describe('parseTime', () => {
  it('defaults the zone, all_day and lunar and answers the wire form', () => {
    const time = parseTime(
      { start_at: '20240501T030000Z', end_at: '2024-05-01T04:00:00.000Z' },
      'time',
    );
    expect(formatTime(time)).toEqual({
      start_at: '2024-05-01T03:00:00Z',
      end_at: '2024-05-01T04:00:00Z',
      time_zone: 'Asia/Seoul',
      all_day: false,
      lunar: false,
    });
  });

  it('requires the 5-minute grid and end after start for timed events', () => {
    const base = { start_at: '2024-05-01T03:00:00Z', end_at: '2024-05-01T04:00:00Z' };
    expect(codeOf(() => parseTime({ ...base, start_at: '2024-05-01T03:01:00Z' }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime({ ...base, end_at: '2024-05-01T04:00:01Z' }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime({ ...base, end_at: base.start_at }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime({ ...base, end_at: '2024-05-01T02:00:00Z' }, 't'))).toBe(-2);
  });

  it('applies the all-day rule: midnight UTC, end exclusive, at least one day', () => {
    const day = { start_at: '2024-05-05T00:00:00Z', end_at: '2024-05-06T00:00:00Z', all_day: true };
    expect(codeOf(() => parseTime(day, 't'))).toBeUndefined();
    expect(
      codeOf(() => parseTime({ ...day, end_at: '2024-05-08T00:00:00Z' }, 't')),
    ).toBeUndefined();
    expect(codeOf(() => parseTime({ ...day, end_at: day.start_at }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime({ ...day, start_at: '2024-05-04T15:00:00Z' }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime({ ...day, end_at: '2024-05-05T12:00:00Z' }, 't'))).toBe(-2);
  });

  it('rejects unknown zones and wrong types', () => {
    const base = { start_at: '2024-05-01T03:00:00Z', end_at: '2024-05-01T04:00:00Z' };
    expect(codeOf(() => parseTime({ ...base, time_zone: 'Mars/Olympus' }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime({ ...base, all_day: 'true' }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime({ start_at: base.start_at }, 't'))).toBe(-2);
    expect(codeOf(() => parseTime('2024-05-01', 't'))).toBe(-2);
    expect(
      codeOf(() => parseTime({ ...base, time_zone: 'America/New_York' }, 't')),
    ).toBeUndefined();
  });
});
