import { HOLIDAYS } from '@app/kakao-sandbox/calendar/holiday-fixtures';
import { fromLunar, toLunar } from '@app/kakao-sandbox/recurrence/lunar-calendar';

const day = (text: string): number => Date.parse(`${text}T00:00:00Z`);

describe('Korean lunar calendar', () => {
  it('converts Gregorian dates to lunar dates, leap months included', () => {
    expect(toLunar(day('2024-02-10'))).toEqual({ year: 2024, month: 1, leap: false, day: 1 });
    expect(toLunar(day('2023-03-22'))).toEqual({ year: 2023, month: 2, leap: true, day: 1 });
  });

  it('converts lunar dates back, falling back when a leap month or 30th day is missing', () => {
    expect(fromLunar(2025, 8, 15, false)).toBe(day('2025-10-06'));
    expect(fromLunar(2023, 2, 1, true)).toBe(day('2023-03-22'));
    expect(fromLunar(2024, 2, 1, true)).toBe(fromLunar(2024, 2, 1, false));
  });

  it('agrees with the holiday fixture for Seollal, Buddha’s Birthday and Chuseok', () => {
    const expected: Record<string, [number, number]> = {
      설날: [1, 1],
      부처님오신날: [4, 8],
      추석: [8, 15],
    };
    const lunarDays = HOLIDAYS.filter((row) => row.title in expected);
    expect(lunarDays).toHaveLength(15);
    for (const row of lunarDays) {
      const [month, date] = expected[row.title];
      expect({ title: row.title, ...toLunar(day(row.date)) }).toMatchObject({
        title: row.title,
        month,
        day: date,
        leap: false,
      });
    }
  });
});
