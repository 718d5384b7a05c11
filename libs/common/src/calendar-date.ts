const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|([+-])(\d{2}):?(\d{2})))?$/;

/** Offsets in use reach ±14:00 (Kiribati); Postgres refuses larger ones. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Midnight UTC of a day, years 1 to 99 included (`Date.UTC` maps those to 1901-1999). */
function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/**
 * True for `YYYY-MM-DD` naming a day that exists (no February 30) from year 1 to 9999. JavaScript's
 * `Date.parse` rolls impossible days over to the next month, and Postgres refuses them and year 0.
 */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) {
    return false;
  }
  const date = utcMidnight(year, month, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * The instant an ISO 8601 text names, or undefined when any part of it is impossible. Takes a
 * day `YYYY-MM-DD` (midnight UTC, as JavaScript reads it) or a date-time with seconds and
 * fractions optional and a zone required: `YYYY-MM-DDTHH:mm[:ss[.ffffff]]` then `Z` or `±HH:mm`.
 * The instant itself must fall within years 1 to 9999, where Postgres and `toISOString` agree.
 */
export function parseIsoInstant(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match || !isCalendarDate(match[1])) {
    return undefined;
  }
  const [, date, hour, minute, second, fraction, zone, sign, offsetHour, offsetMinute] = match;
  const [year, month, day] = date.split('-').map(Number);
  const midnight = utcMidnight(year, month, day).getTime();
  if (hour === undefined) {
    return new Date(midnight);
  }
  const [h, m, s] = [Number(hour), Number(minute), Number(second ?? 0)];
  if (h > 23 || m > 59 || s > 59) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const [oh, om] = [Number(offsetHour), Number(offsetMinute)];
    offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
    if (om > 59 || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
      return undefined;
    }
  }
  const milliseconds = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const instant = new Date(
    midnight + ((h * 60 + m - offsetMinutes) * 60 + s) * 1000 + milliseconds,
  );
  const instantYear = instant.getUTCFullYear();
  return instantYear >= 1 && instantYear <= 9999 ? instant : undefined;
}
