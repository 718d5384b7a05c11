import { DateTime } from 'luxon';
import { RRule } from 'rrule';

import { fromLunar, toLunar } from '@app/kakao-sandbox/recurrence/lunar-calendar';
import {
  formatRecurrenceRule,
  type RecurrenceRule,
} from '@app/kakao-sandbox/recurrence/recurrence-rule';
import type { TimeSpec } from '@app/kakao-sandbox/state/models';
import { DAY_MS, parseBasicDate, parseInstant } from '@app/kakao-sandbox/validation/datetime';

/** What decides where a series' occurrences fall. */
export interface SeriesShape {
  time: TimeSpec;
  rule?: RecurrenceRule;
}

const MAX_LUNAR_YEAR = 2999;

/**
 * Recurrence is computed on "wall clock" instants (epoch ms whose UTC fields are the local time in
 * the event's zone), so a weekly 09:00 event stays at 09:00 across DST. All-day instants already
 * are dates, so they are their own wall clock.
 */
function toWallClock(ms: number, time: TimeSpec): number {
  if (time.allDay) {
    return ms;
  }
  return ms + DateTime.fromMillis(ms, { zone: time.timeZone }).offset * 60_000;
}

function fromWallClock(wallMs: number, time: TimeSpec): number {
  if (time.allDay) {
    return wallMs;
  }
  const wall = new Date(wallMs);
  return DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    },
    { zone: time.timeZone },
  ).toMillis();
}

function untilWallClock(until: string, time: TimeSpec): number {
  const instant = parseInstant(until);
  if (instant !== undefined) {
    return toWallClock(instant, time);
  }
  // A date-only UNTIL includes that whole local day.
  return (parseBasicDate(until) ?? 0) + DAY_MS - 1000;
}

const compiled = new Map<string, RRule>();

function compile(rule: RecurrenceRule, time: TimeSpec): RRule {
  const key = `${formatRecurrenceRule(rule)}|${time.startMs}|${time.timeZone}|${time.allDay}`;
  let rrule = compiled.get(key);
  if (!rrule) {
    const options = RRule.parseString(formatRecurrenceRule({ ...rule, until: undefined }));
    options.dtstart = new Date(toWallClock(time.startMs, time));
    options.until = rule.until === undefined ? null : new Date(untilWallClock(rule.until, time));
    rrule = new RRule(options);
    if (compiled.size > 10_000) {
      compiled.clear();
    }
    compiled.set(key, rrule);
  }
  return rrule;
}

/** Visits lunar-yearly occurrence starts from index `firstIndex` until `visit` answers false. */
function walkLunar(
  shape: SeriesShape,
  firstIndex: number,
  visit: (startMs: number) => boolean,
): void {
  const { time, rule } = shape;
  const wallStart = toWallClock(time.startMs, time);
  const baseDay = Math.floor(wallStart / DAY_MS) * DAY_MS;
  const timeOfDay = wallStart - baseDay;
  const base = toLunar(baseDay);
  const interval = rule?.interval ?? 1;
  const untilWall = rule?.until === undefined ? undefined : untilWallClock(rule.until, time);
  for (let index = firstIndex; ; index += 1) {
    if (rule?.count !== undefined && index >= rule.count) {
      return;
    }
    const year = base.year + index * interval;
    if (year > MAX_LUNAR_YEAR) {
      return;
    }
    const wall = fromLunar(year, base.month, base.day, base.leap) + timeOfDay;
    if (untilWall !== undefined && wall > untilWall) {
      return;
    }
    if (!visit(fromWallClock(wall, time))) {
      return;
    }
  }
}

/** Starts of the occurrences that overlap [fromMs, toMs), in order (exdates not applied). */
export function occurrenceStarts(shape: SeriesShape, fromMs: number, toMs: number): number[] {
  const { time, rule } = shape;
  const duration = time.endMs - time.startMs;
  const overlaps = (start: number): boolean => start < toMs && start + duration > fromMs;
  if (rule === undefined) {
    return overlaps(time.startMs) ? [time.startMs] : [];
  }
  const starts: number[] = [];
  if (time.lunar) {
    const startYear = new Date(time.startMs).getUTCFullYear();
    const fromYear = new Date(fromMs - duration).getUTCFullYear();
    const skip = Math.max(0, Math.floor((fromYear - startYear - 1) / (rule.interval ?? 1)));
    walkLunar(shape, skip, (start) => {
      if (start >= toMs) {
        return false;
      }
      if (overlaps(start)) {
        starts.push(start);
      }
      return true;
    });
    return starts;
  }
  // Two days of slack on each side cover any zone offset; the exact filter follows.
  const after = new Date(toWallClock(fromMs - duration, time) - 2 * DAY_MS);
  const before = new Date(toWallClock(toMs, time) + 2 * DAY_MS);
  for (const wall of compile(rule, time).between(after, before, true)) {
    const start = fromWallClock(wall.getTime(), time);
    if (overlaps(start)) {
      starts.push(start);
    }
  }
  return starts;
}

/** How many occurrences start before `beforeMs`; used to split a COUNT series. */
export function countStartsBefore(shape: SeriesShape, beforeMs: number): number {
  const { time, rule } = shape;
  if (rule === undefined) {
    return time.startMs < beforeMs ? 1 : 0;
  }
  let count = 0;
  if (time.lunar) {
    walkLunar(shape, 0, (start) => {
      if (start >= beforeMs) {
        return false;
      }
      count += 1;
      return true;
    });
    return count;
  }
  const rrule = compile(rule, time);
  const after = new Date(toWallClock(time.startMs, time) - 1);
  for (const wall of rrule.between(after, new Date(toWallClock(beforeMs, time) + DAY_MS), true)) {
    if (fromWallClock(wall.getTime(), time) < beforeMs) {
      count += 1;
    }
  }
  return count;
}

/** Start of the first occurrence, or undefined when the rule yields none. */
export function firstStart(shape: SeriesShape): number | undefined {
  const { time, rule } = shape;
  if (rule === undefined) {
    return time.startMs;
  }
  if (time.lunar) {
    let first: number | undefined;
    walkLunar(shape, 0, (start) => {
      first = start;
      return false;
    });
    return first;
  }
  const wall = compile(rule, time).after(new Date(toWallClock(time.startMs, time)), true);
  return wall === null ? undefined : fromWallClock(wall.getTime(), time);
}

export function isOccurrenceStart(shape: SeriesShape, startMs: number): boolean {
  return occurrenceStarts(shape, startMs, startMs + 1).includes(startMs);
}
