/**
 * Korean public holidays (day off) and notable days, 2024–2028. Lunar dates (설날, 부처님오신날,
 * 추석) were converted with the Korean lunar calendar; substitute holidays (대체공휴일) follow the
 * rules in force since 2023. Elections and one-off days are the ones announced or scheduled.
 */
export interface HolidayFixture {
  date: string;
  title: string;
  holiday: boolean;
}

const FIXED_HOLIDAYS: readonly [string, string][] = [
  ['01-01', '신정'],
  ['03-01', '삼일절'],
  ['05-05', '어린이날'],
  ['06-06', '현충일'],
  ['08-15', '광복절'],
  ['10-03', '개천절'],
  ['10-09', '한글날'],
  ['12-25', '기독탄신일'],
];

const NOTABLE_DAYS: readonly [string, string][] = [
  ['02-14', '발렌타인데이'],
  ['04-05', '식목일'],
  ['05-08', '어버이날'],
  ['05-15', '스승의날'],
  ['07-17', '제헌절'],
  ['10-01', '국군의 날'],
];

const YEARLY: Readonly<Record<number, readonly [string, string][]>> = {
  2024: [
    ['2024-02-09', '설날 연휴'],
    ['2024-02-10', '설날'],
    ['2024-02-11', '설날 연휴'],
    ['2024-02-12', '대체공휴일(설날)'],
    ['2024-04-10', '제22대 국회의원선거'],
    ['2024-05-06', '대체공휴일(어린이날)'],
    ['2024-05-15', '부처님오신날'],
    ['2024-09-16', '추석 연휴'],
    ['2024-09-17', '추석'],
    ['2024-09-18', '추석 연휴'],
    ['2024-10-01', '국군의 날(임시공휴일)'],
  ],
  2025: [
    ['2025-01-27', '임시공휴일'],
    ['2025-01-28', '설날 연휴'],
    ['2025-01-29', '설날'],
    ['2025-01-30', '설날 연휴'],
    ['2025-03-03', '대체공휴일(삼일절)'],
    ['2025-05-05', '부처님오신날'],
    ['2025-05-06', '대체공휴일(부처님오신날)'],
    ['2025-06-03', '제21대 대통령선거'],
    ['2025-10-05', '추석 연휴'],
    ['2025-10-06', '추석'],
    ['2025-10-07', '추석 연휴'],
    ['2025-10-08', '대체공휴일(추석)'],
  ],
  2026: [
    ['2026-02-16', '설날 연휴'],
    ['2026-02-17', '설날'],
    ['2026-02-18', '설날 연휴'],
    ['2026-03-02', '대체공휴일(삼일절)'],
    ['2026-05-24', '부처님오신날'],
    ['2026-05-25', '대체공휴일(부처님오신날)'],
    ['2026-06-03', '제9회 전국동시지방선거'],
    ['2026-08-17', '대체공휴일(광복절)'],
    ['2026-09-24', '추석 연휴'],
    ['2026-09-25', '추석'],
    ['2026-09-26', '추석 연휴'],
    ['2026-10-05', '대체공휴일(개천절)'],
  ],
  2027: [
    ['2027-02-06', '설날 연휴'],
    ['2027-02-07', '설날'],
    ['2027-02-08', '설날 연휴'],
    ['2027-02-09', '대체공휴일(설날)'],
    ['2027-05-13', '부처님오신날'],
    ['2027-08-16', '대체공휴일(광복절)'],
    ['2027-09-14', '추석 연휴'],
    ['2027-09-15', '추석'],
    ['2027-09-16', '추석 연휴'],
    ['2027-10-04', '대체공휴일(개천절)'],
    ['2027-10-11', '대체공휴일(한글날)'],
    ['2027-12-27', '대체공휴일(기독탄신일)'],
  ],
  2028: [
    ['2028-01-26', '설날 연휴'],
    ['2028-01-27', '설날'],
    ['2028-01-28', '설날 연휴'],
    ['2028-04-12', '제23대 국회의원선거'],
    ['2028-05-02', '부처님오신날'],
    ['2028-10-02', '추석 연휴'],
    ['2028-10-03', '추석'],
    ['2028-10-04', '추석 연휴'],
    ['2028-10-05', '대체공휴일(추석)'],
  ],
};

export const HOLIDAY_YEARS = { first: 2024, last: 2028 } as const;

function buildTable(): HolidayFixture[] {
  const rows: HolidayFixture[] = [];
  for (let year = HOLIDAY_YEARS.first; year <= HOLIDAY_YEARS.last; year += 1) {
    const special = YEARLY[year] ?? [];
    const specialDates = new Set(special.map(([date]) => date));
    for (const [monthDay, title] of FIXED_HOLIDAYS) {
      rows.push({ date: `${year}-${monthDay}`, title, holiday: true });
    }
    for (const [monthDay, title] of NOTABLE_DAYS) {
      // A notable day that is a day off that year (국군의 날 2024) is listed once, as a holiday.
      if (!specialDates.has(`${year}-${monthDay}`)) {
        rows.push({ date: `${year}-${monthDay}`, title, holiday: false });
      }
    }
    for (const [date, title] of special) {
      rows.push({ date, title, holiday: true });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export const HOLIDAYS: readonly HolidayFixture[] = buildTable();
