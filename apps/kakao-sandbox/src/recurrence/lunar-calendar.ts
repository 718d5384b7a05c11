import { DAY_MS } from '@app/kakao-sandbox/validation/datetime';

/** A date of the Korean lunisolar calendar (ICU's `dangi`). */
export interface LunarDate {
  year: number;
  month: number;
  leap: boolean;
  day: number;
}

const formatter = new Intl.DateTimeFormat('en-u-ca-dangi', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const lunarByDay = new Map<number, LunarDate>();

/** Lunar date of the Gregorian date whose 00:00 UTC is `dayMs`. */
export function toLunar(dayMs: number): LunarDate {
  const cached = lunarByDay.get(dayMs);
  if (cached) {
    return cached;
  }
  let year = 0;
  let monthText = '';
  let day = 0;
  for (const part of formatter.formatToParts(new Date(dayMs))) {
    // `relatedYear` (the Gregorian year) is missing from older lib typings.
    const type: string = part.type;
    if (type === 'relatedYear') {
      year = Number(part.value);
    } else if (type === 'month') {
      monthText = part.value;
    } else if (type === 'day') {
      day = Number(part.value);
    }
  }
  // Leap months come out as e.g. "2bis".
  const lunar: LunarDate = {
    year,
    month: parseInt(monthText, 10),
    leap: monthText.endsWith('bis'),
    day,
  };
  if (lunarByDay.size > 50_000) {
    lunarByDay.clear();
  }
  lunarByDay.set(dayMs, lunar);
  return lunar;
}

function find(year: number, month: number, day: number, leap: boolean): number | undefined {
  // Lunar new year falls between Jan 21 and Feb 20; scan a window around the estimate.
  const estimate =
    Date.UTC(year, 0, 21) + Math.floor((month - 1) * 29.53 + (leap ? 29.53 : 0)) * DAY_MS;
  for (let offset = -5; offset < 60; offset += 1) {
    const candidate = estimate + (day - 1 + offset) * DAY_MS;
    const lunar = toLunar(candidate);
    if (lunar.year === year && lunar.month === month && lunar.day === day && lunar.leap === leap) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * Gregorian date (00:00 UTC, epoch ms) of a lunar date. A leap month or a 30th day missing in that
 * year falls back to the regular month and to the 29th, the way lunar birthdays are kept.
 */
export function fromLunar(year: number, month: number, day: number, leap: boolean): number {
  const found =
    find(year, month, day, leap) ??
    (leap ? find(year, month, day, false) : undefined) ??
    (day === 30 ? fromLunar(year, month, 29, leap) : undefined);
  if (found === undefined) {
    throw new Error(`no Gregorian date for lunar ${year}-${month}-${day}`);
  }
  return found;
}
