import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { TimeSpec } from '@app/kakao-sandbox/state/models';
import {
  DAY_MS,
  formatInstant,
  isOnFiveMinuteGrid,
  isUtcMidnight,
  parseInstant,
} from '@app/kakao-sandbox/validation/datetime';
import {
  asObject,
  optionalBoolean,
  optionalString,
  requiredString,
} from '@app/kakao-sandbox/validation/json-reader';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@app/kakao-sandbox/validation/time-zone';

/** Time object as it travels on the wire (3.2). */
export interface KakaoTime {
  start_at: string;
  end_at: string;
  time_zone: string;
  all_day: boolean;
  lunar: boolean;
}

function instantField(object: Record<string, unknown>, key: string, path: string): number {
  const text = requiredString(object, key, path);
  const ms = parseInstant(text);
  if (ms === undefined) {
    throw invalidParam(`${path}.${key} must be a UTC instant like 2024-05-01T03:00:00Z`);
  }
  return ms;
}

/** Validates a Time object against 3.2: the 5-minute grid, and the all-day midnight rule. */
export function parseTime(raw: unknown, path: string): TimeSpec {
  const object = asObject(raw, path);
  const startMs = instantField(object, 'start_at', path);
  const endMs = instantField(object, 'end_at', path);
  const timeZone = optionalString(object, 'time_zone', path) ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw invalidParam(`${path}.time_zone must be an IANA time zone id`);
  }
  const allDay = optionalBoolean(object, 'all_day', path) ?? false;
  const lunar = optionalBoolean(object, 'lunar', path) ?? false;
  if (allDay) {
    if (!isUtcMidnight(startMs) || !isUtcMidnight(endMs)) {
      throw invalidParam(`${path}: an all-day event starts and ends at T00:00:00Z`);
    }
    if (endMs < startMs + DAY_MS) {
      throw invalidParam(`${path}: an all-day event lasts at least one day (end_at is exclusive)`);
    }
  } else {
    if (!isOnFiveMinuteGrid(startMs) || !isOnFiveMinuteGrid(endMs)) {
      throw invalidParam(`${path}: start_at and end_at must be on a 5-minute grid with seconds 00`);
    }
    if (endMs <= startMs) {
      throw invalidParam(`${path}.end_at must be later than start_at`);
    }
  }
  return { startMs, endMs, timeZone, allDay, lunar };
}

export function formatTime(time: TimeSpec): KakaoTime {
  return {
    start_at: formatInstant(time.startMs),
    end_at: formatInstant(time.endMs),
    time_zone: time.timeZone,
    all_day: time.allDay,
    lunar: time.lunar,
  };
}

/** The same span moved to start at `startMs`. */
export function moveTime(time: TimeSpec, startMs: number): TimeSpec {
  return { ...time, startMs, endMs: startMs + (time.endMs - time.startMs) };
}
