import {
  formatBasicInstant,
  formatInstant,
  isOnFiveMinuteGrid,
  isUtcMidnight,
  parseBasicDate,
  parseInstant,
} from '@app/kakao-sandbox/validation/datetime';

describe('datetime', () => {
  const ms = Date.UTC(2024, 4, 1, 3, 0, 0);

  it.each([
    '2024-05-01T03:00:00Z',
    '2024-05-01T03:00:00.000Z',
    '2024-05-01T03:00:00.0Z',
    '20240501T030000Z',
  ])('accepts %s', (text) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it('keeps milliseconds so the grid check can reject them', () => {
    expect(parseInstant('2024-05-01T03:00:00.250Z')).toBe(ms + 250);
  });

  it.each([
    '2024-05-01T03:00:00',
    '2024-05-01 03:00:00Z',
    '2024-05-01T03:00:00+09:00',
    '2024-02-30T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T03:60:00Z',
    '20240501T0300Z',
    '1800-01-01T00:00:00Z',
    '',
  ])('rejects %s', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('answers in the extended form without milliseconds', () => {
    expect(formatInstant(ms + 999)).toBe('2024-05-01T03:00:00Z');
    expect(formatBasicInstant(ms)).toBe('20240501T030000Z');
  });

  it('parses basic dates', () => {
    expect(parseBasicDate('20240229')).toBe(Date.UTC(2024, 1, 29));
    expect(parseBasicDate('20230229')).toBeUndefined();
  });

  it('checks the 5-minute grid and UTC midnight', () => {
    expect(isOnFiveMinuteGrid(parseInstant('2024-05-01T03:05:00Z') ?? 0)).toBe(true);
    expect(isOnFiveMinuteGrid(parseInstant('2024-05-01T03:07:00Z') ?? 0)).toBe(false);
    expect(isOnFiveMinuteGrid(parseInstant('2024-05-01T03:05:30Z') ?? 0)).toBe(false);
    expect(isOnFiveMinuteGrid(ms + 1)).toBe(false);
    expect(isUtcMidnight(Date.UTC(2024, 4, 5))).toBe(true);
    expect(isUtcMidnight(Date.UTC(2024, 4, 5, 15))).toBe(false);
  });
});
