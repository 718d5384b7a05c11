// Dates and times in a named IANA zone with the browser's Intl only (no zone database shipped).

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `timeZone` at an instant. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(new Date(epochMs));
  const value = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour') % 24,
    minute: value('minute'),
    second: value('second'),
  };
}

/** Minutes the zone is ahead of UTC at an instant (Asia/Seoul: 540). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** `+09:00` */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `UTC+09:00`, for time-zone pickers. */
export function offsetLabel(timeZone: string, atMs: number = Date.now()): string {
  return `UTC${formatOffset(zoneOffsetMinutes(atMs, timeZone))}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DDTHH:mm` as shown by `<input type="datetime-local">`, in `timeZone`. */
export function instantToWallTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return '';
  }
  const wall = wallClockAt(ms, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * The instant a wall time in `timeZone` means, as ISO-8601 with the zone's offset
 * (`2030-04-12T10:00:00+09:00`); null when the text is not a wall time. A time skipped by a
 * daylight-saving change moves forward, as clocks do.
 */
export function wallTimeToInstant(wallTime: string, timeZone: string): string | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) {
    return null;
  }
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const guessOffset = zoneOffsetMinutes(asUtc, timeZone);
  const first = asUtc - guessOffset * 60_000;
  const firstOffset = zoneOffsetMinutes(first, timeZone);
  let instant = first;
  if (asUtc - first !== firstOffset * 60_000) {
    const second = asUtc - firstOffset * 60_000;
    instant =
      zoneOffsetMinutes(second, timeZone) === firstOffset
        ? second
        : // In a gap: read the wall time with the offset before the change, which lands after it.
          asUtc - Math.min(guessOffset, firstOffset) * 60_000;
  }
  const wall = instantToWallTime(new Date(instant).toISOString(), timeZone);
  return `${wall}:00${formatOffset(zoneOffsetMinutes(instant, timeZone))}`;
}

/** The local date (`YYYY-MM-DD`) in `timeZone` at an instant. */
export function localDate(epochMs: number, timeZone: string): string {
  const wall = wallClockAt(epochMs, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

export function isDateText(text: string): boolean {
  return DATE.test(text);
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const match = DATE.exec(date);
  if (!match) {
    return date;
  }
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return next.toISOString().slice(0, 10);
}

/** A localized date and time in the zone, with the zone named: `2030. 4. 12. 오전 10:00 (Asia/Seoul)`. */
export function formatInstant(
  iso: string,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return iso;
  }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(ms));
}

/** A localized calendar date (no zone: all-day dates are the same everywhere). */
export function formatDate(
  date: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const match = DATE.exec(date);
  if (!match) {
    return date;
  }
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(utc);
}

/** Every zone the browser knows, `Asia/Seoul` first. */
export function timeZoneNames(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return ['Asia/Seoul', ...zones.filter((zone) => zone !== 'Asia/Seoul')];
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}
