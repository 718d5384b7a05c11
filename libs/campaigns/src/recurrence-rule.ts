import { RRule } from 'rrule';

const ALLOWED_KEYS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'WKST',
]);
const FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/**
 * Checks an RRULE against the subset Kakao's Talk Calendar takes (contract 3.5) and parses it
 * with a real recurrence library. Returns the reason it is rejected, or undefined.
 */
export function rruleProblem(rrule: string, options: { lunar?: boolean } = {}): string | undefined {
  const value = rrule.trim().replace(/;$/, '');
  if (value === '') {
    return 'must not be empty';
  }
  if (/^RRULE:/i.test(value)) {
    return 'must be the rule value without the RRULE: prefix';
  }
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const [key, val, extra] = part.split('=');
    if (!key || val === undefined || val === '' || extra !== undefined) {
      return `"${part}" is not KEY=VALUE`;
    }
    const upper = key.toUpperCase();
    if (!ALLOWED_KEYS.has(upper)) {
      return `${upper} is not supported (use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, WKST)`;
    }
    if (parts.has(upper)) {
      return `${upper} appears twice`;
    }
    parts.set(upper, val.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (!freq) {
    return 'FREQ is required';
  }
  if (!FREQUENCIES.has(freq)) {
    return 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY';
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) {
    return 'COUNT and UNTIL cannot be used together';
  }
  if (options.lunar && freq !== 'YEARLY') {
    return 'lunar events can only repeat yearly';
  }
  for (const key of ['INTERVAL', 'COUNT']) {
    const raw = parts.get(key);
    if (raw !== undefined && !/^[1-9]\d{0,3}$/.test(raw)) {
      return `${key} must be a whole number from 1 to 9999`;
    }
  }
  const until = parts.get('UNTIL');
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) {
    return 'UNTIL must be a date (YYYYMMDD) or a UTC date-time (YYYYMMDDTHHMMSSZ)';
  }
  try {
    const parsed = RRule.parseString(value);
    new RRule(parsed).all((_, index) => index < 1);
  } catch (error) {
    return `cannot be parsed: ${error instanceof Error ? error.message : 'invalid rule'}`;
  }
  return undefined;
}

/** A person-readable summary in English, e.g. "every week on Monday, Wednesday". */
export function describeRrule(rrule: string): string {
  return RRule.fromString(rrule.trim().replace(/;$/, '')).toText();
}

const DAY_MS = 86_400_000;
/** Occurrences counted at most to find where a COUNT rule ends (the validator allows 9999). */
const COUNT_LIMIT = 10_000;

/**
 * When the last occurrence of a series starting at `startsAt` ends, or null when it repeats
 * without end. Occurrences are counted in UTC, so the answer is padded by a day: it bounds the
 * series for window queries (a local-time rule may drift by an hour across a DST change), it is
 * not shown to anyone. Lunar series follow another calendar and count as unending unless the
 * rule gives an UNTIL.
 */
export function seriesEndOf(
  rrule: string | undefined,
  startsAt: Date,
  endsAt: Date,
  options: { lunar?: boolean } = {},
): Date | null {
  const value = rrule?.trim().replace(/;$/, '') ?? '';
  if (value === '') {
    return endsAt;
  }
  const duration = endsAt.getTime() - startsAt.getTime();
  const parsed = RRule.parseString(value);
  if (parsed.until) {
    return new Date(Math.max(endsAt.getTime(), parsed.until.getTime() + duration + DAY_MS));
  }
  if (!parsed.count || options.lunar) {
    return null;
  }
  const occurrences = new RRule({ ...parsed, dtstart: startsAt }).all(
    (_, index) => index < Math.min(parsed.count ?? 1, COUNT_LIMIT),
  );
  const last = occurrences[occurrences.length - 1] ?? startsAt;
  return new Date(last.getTime() + duration + DAY_MS);
}
