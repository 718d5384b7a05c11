// The one place where instants and dates become Kakao's date-time strings (contract 1.3, 3.2):
// UTC `YYYY-MM-DDTHH:mm:ssZ` without milliseconds, on a 5-minute grid; starts round down, ends
// round up; all-day spans run from 00:00Z of the first date to 00:00Z after the last date.

import { type KakaoTime } from './kakao.types';

export const GRID_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export type Instant = Date | number;

function epochMs(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Invalid instant: ${String(instant)}`);
  }
  return ms;
}

/** `YYYY-MM-DDTHH:mm:ssZ` of a grid-aligned epoch value (toISOString minus its `.sss`). */
function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** The grid point at or before the instant: the start of an event or of a list window. */
export function gridFloor(instant: Instant): string {
  const ms = epochMs(instant);
  return format(Math.floor(ms / GRID_MS) * GRID_MS);
}

/** The grid point at or after the instant: the end of an event or of a list window. */
export function gridCeil(instant: Instant): string {
  const ms = epochMs(instant);
  return format(Math.ceil(ms / GRID_MS) * GRID_MS);
}

export interface TimedSpan {
  start: Instant;
  end: Instant;
  /** IANA zone in which Kakao shows the event; default `Asia/Seoul`. */
  timeZone?: string;
}

/** A timed event's `time`: start floored and end ceiled to the grid. End must be after start. */
export function timedEventTime(span: TimedSpan): KakaoTime {
  const start = epochMs(span.start);
  const end = epochMs(span.end);
  if (end <= start) {
    throw new RangeError('An event must end after it starts');
  }
  return {
    start_at: gridFloor(start),
    end_at: gridCeil(end),
    time_zone: span.timeZone ?? DEFAULT_TIME_ZONE,
    all_day: false,
  };
}

/** A calendar date `YYYY-MM-DD`, or an instant read as a date in the span's time zone. */
export type CalendarDate = string | Instant;

export interface AllDaySpan {
  /** First day. */
  first: CalendarDate;
  /** Last day, inclusive; default the first day. */
  last?: CalendarDate;
  /** Zone of the dates (and of instants given as dates); default `Asia/Seoul`. */
  timeZone?: string;
  lunar?: boolean;
}

/** An all-day event's `time`: `first`T00:00:00Z to the midnight after `last` (exclusive end). */
export function allDayEventTime(span: AllDaySpan): KakaoTime {
  const timeZone = span.timeZone ?? DEFAULT_TIME_ZONE;
  const first = dayStartMs(span.first, timeZone);
  const last = span.last === undefined ? first : dayStartMs(span.last, timeZone);
  if (last < first) {
    throw new RangeError('The last day of an all-day event must not precede the first');
  }
  const time: KakaoTime = {
    start_at: format(first),
    end_at: format(last + DAY_MS),
    time_zone: timeZone,
    all_day: true,
  };
  if (span.lunar !== undefined) {
    time.lunar = span.lunar;
  }
  return time;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of 00:00Z of the calendar date. */
function dayStartMs(date: CalendarDate, timeZone: string): number {
  const text = typeof date === 'string' ? date : localDate(epochMs(date), timeZone);
  const match = ISO_DATE.exec(text);
  if (match === null) {
    throw new RangeError(`Expected a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(`Not a calendar date: ${text}`);
  }
  return ms;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of the instant as seen in the zone. */
export function localDate(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): string {
  let formatter = dateFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(epochMs(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A list-window bound: a `Date` goes on the grid (floor for `from`, ceil for `to`). */
export function windowBound(value: Date | string, side: 'from' | 'to'): string {
  if (typeof value === 'string') {
    return value;
  }
  return side === 'from' ? gridFloor(value) : gridCeil(value);
}
