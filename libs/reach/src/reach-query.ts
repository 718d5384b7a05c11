import { DateTime } from 'luxon';

import { ReachErrorCode, ReachException } from './reach.exception';
import { type ReachScope } from './reach.repository';

export type Granularity = 'hour' | 'day';

export interface RawReachQuery {
  from?: string;
  to?: string;
  granularity?: string;
  campaignId?: string;
  blastId?: string;
  audienceId?: string;
  /** The language of the CSV's headers (`ko` or `en`, the default); figures do not change. */
  lang?: string;
}

export interface ReachQuery {
  from: Date;
  to: Date;
  granularity: Granularity;
  scope: ReachScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 3600 * 1000;
/** Most buckets one answer holds: 31 days of hours, or about two years of days. */
const MAX_BUCKETS: Record<Granularity, number> = { hour: 31 * 24, day: 732 };

/**
 * Reads a reach query: a period (`from` / `to`, ISO instants or dates in the channel's zone;
 * default the last 30 days), a granularity and at most one of campaign, blast and audience.
 * Bad input names the field.
 */
export function parseReachQuery(
  raw: RawReachQuery,
  timeZone: string,
  now = new Date(),
): ReachQuery {
  const errors: Record<string, string> = {};
  const instant = (field: 'from' | 'to', value: string | undefined, fallback: Date): Date => {
    if (value === undefined || value === '') {
      return fallback;
    }
    const parsed = DateTime.fromISO(value, { zone: timeZone });
    if (!parsed.isValid) {
      errors[field] = 'must be an ISO date or date-time';
      return fallback;
    }
    return parsed.toJSDate();
  };
  const to = instant('to', raw.to, now);
  const from = instant('from', raw.from, new Date(to.getTime() - 30 * DAY_MS));
  const granularity = (raw.granularity ?? 'day') as Granularity;
  if (granularity !== 'hour' && granularity !== 'day') {
    errors.granularity = 'must be hour or day';
  }
  if (!errors.from && !errors.to && from >= to) {
    errors.from = 'must be before to';
  }
  const span = to.getTime() - from.getTime();
  const perBucket = granularity === 'hour' ? 3600 * 1000 : DAY_MS;
  if (!errors.granularity && span / perBucket > MAX_BUCKETS[granularity]) {
    errors.to = `the period holds more than ${MAX_BUCKETS[granularity]} ${granularity}s`;
  }
  const given = (['campaignId', 'blastId', 'audienceId'] as const).filter((field) => raw[field]);
  for (const field of given) {
    if (!UUID.test(raw[field] ?? '')) {
      errors[field] = 'must be a UUID';
    }
  }
  if (given.length > 1) {
    errors[given[1]] = `give at most one of campaignId, blastId and audienceId`;
  }
  if (Object.keys(errors).length > 0) {
    throw new ReachException(ReachErrorCode.Invalid, 'The reach query is not valid', errors);
  }
  const field = given[0];
  const scope: ReachScope = field
    ? {
        kind: field === 'campaignId' ? 'campaign' : field === 'blastId' ? 'blast' : 'audience',
        id: raw[field] as string,
      }
    : { kind: 'channel' };
  return { from, to, granularity, scope };
}

/** Every bucket start of the period, so series have no gaps (days start at local midnight). */
export function bucketStarts(query: ReachQuery, timeZone: string): Date[] {
  const starts: Date[] = [];
  let cursor =
    query.granularity === 'hour'
      ? DateTime.fromJSDate(query.from, { zone: 'utc' }).startOf('hour')
      : DateTime.fromJSDate(query.from, { zone: timeZone }).startOf('day');
  const step = query.granularity === 'hour' ? { hours: 1 } : { days: 1 };
  while (cursor.toJSDate() < query.to) {
    starts.push(cursor.toJSDate());
    cursor = cursor.plus(step);
  }
  return starts;
}
