import { DateTime } from 'luxon';

import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { DAY_MS, parseInstant } from '@app/kakao-sandbox/validation/datetime';
import type { RequestParams } from '@app/kakao-sandbox/validation/params';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@app/kakao-sandbox/validation/time-zone';

export const MAX_LIST_WINDOW_MS = 31 * DAY_MS;
export const EVENT_LIMIT = { min: 100, max: 1000, default: 100 } as const;

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

export const PRESETS = ['TODAY', 'THIS_WEEK', 'THIS_MONTH'] as const;
export type Preset = (typeof PRESETS)[number];

/** The [from, to) span of a preset in `timeZone` (weeks start on Sunday, 4.6). */
export function presetWindow(preset: Preset, timeZone: string, nowMs: number): TimeWindow {
  const today = DateTime.fromMillis(nowMs, { zone: timeZone }).startOf('day');
  switch (preset) {
    case 'TODAY':
      return { fromMs: today.toMillis(), toMs: today.plus({ days: 1 }).toMillis() };
    case 'THIS_WEEK': {
      const sunday = today.minus({ days: today.weekday % 7 });
      return { fromMs: sunday.toMillis(), toMs: sunday.plus({ days: 7 }).toMillis() };
    }
    case 'THIS_MONTH': {
      const first = today.startOf('month');
      return { fromMs: first.toMillis(), toMs: first.plus({ months: 1 }).toMillis() };
    }
  }
}

export function parseInstantParam(params: RequestParams, name: string): number {
  const text = params.requiredString(name);
  const ms = parseInstant(text);
  if (ms === undefined) {
    throw invalidParam(`${name} must be a UTC instant like 2024-05-01T03:00:00Z`);
  }
  return ms;
}

/** `from`/`to` (at most `maxMs` apart), or else a `preset`, as lists of 4.6 / 4.12 take them. */
export function resolveWindow(
  params: RequestParams,
  nowMs: number,
  maxMs: number = MAX_LIST_WINDOW_MS,
): TimeWindow {
  if (params.has('from') || params.has('to')) {
    const fromMs = parseInstantParam(params, 'from');
    const toMs = parseInstantParam(params, 'to');
    if (toMs <= fromMs) {
      throw invalidParam('to must be later than from');
    }
    if (toMs - fromMs > maxMs) {
      throw invalidParam(`the window from..to is at most ${Math.round(maxMs / DAY_MS)} days`);
    }
    return { fromMs, toMs };
  }
  const preset = params.optionalString('preset');
  if (preset === undefined) {
    throw invalidParam('either preset or from and to are required');
  }
  if (!(PRESETS as readonly string[]).includes(preset)) {
    throw invalidParam(`preset must be one of ${PRESETS.join(', ')}`);
  }
  const timeZone = params.optionalString('time_zone') ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw invalidParam('time_zone must be an IANA time zone id');
  }
  return presetWindow(preset as Preset, timeZone, nowMs);
}

export function parseLimit(
  params: RequestParams,
  range: { min: number; max: number; default: number },
): number {
  const limit = params.optionalInteger('limit') ?? range.default;
  if (limit < range.min || limit > range.max) {
    throw invalidParam(`limit must be between ${range.min} and ${range.max}`);
  }
  return limit;
}
