// The recurrence builder's model: an RRULE value (RFC 5545, the subset Kakao's Talk Calendar
// takes) ↔ the builder's fields ↔ a plain-language summary. The API validates the rule again with
// a real recurrence library; this only has to round-trip what the builder can show.

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Monday first, as ISO weeks and Korean calendars count. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type RecurrenceEnd =
  { kind: 'never' } | { kind: 'until'; until: string } | { kind: 'count'; count: number };

export interface RecurrenceFields {
  frequency: Frequency;
  /** Every n days / weeks / months / years; 1 or more. */
  interval: number;
  /** WEEKLY: the weekdays (BYDAY); empty means the start's weekday. */
  weekdays: Weekday[];
  /** MONTHLY: the day of the month (BYMONTHDAY); undefined means the start's day. */
  monthDay?: number;
  /** `until` is a date `YYYY-MM-DD` (the last day an occurrence may start). */
  end: RecurrenceEnd;
}

export const MAX_INTERVAL = 9999;
export const MAX_COUNT = 9999;

export function defaultRecurrence(frequency: Frequency = 'WEEKLY'): RecurrenceFields {
  return { frequency, interval: 1, weekdays: [], end: { kind: 'never' } };
}

const isFrequency = (value: string): value is Frequency =>
  (FREQUENCIES as readonly string[]).includes(value);
const isWeekday = (value: string): value is Weekday =>
  (WEEKDAYS as readonly string[]).includes(value);

function wholeNumber(text: string, max: number): number | null {
  if (!/^[1-9]\d*$/.test(text)) {
    return null;
  }
  const value = Number(text);
  return value <= max ? value : null;
}

/** `20300430` or `20300430T145959Z` → `2030-04-30`. */
function untilDate(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(text);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/**
 * The builder's fields for a rule, or null when the rule uses something the builder does not
 * show (BYMONTH, ordinal weekdays, several month days...); such rules are edited as text.
 */
export function parseRrule(rule: string): RecurrenceFields | null {
  const value = rule
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/;$/, '');
  if (value === '') {
    return null;
  }
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const [key, val, extra] = part.split('=');
    if (!key || val === undefined || val === '' || extra !== undefined) {
      return null;
    }
    const upper = key.toUpperCase();
    if (parts.has(upper)) {
      return null;
    }
    parts.set(upper, val.toUpperCase());
  }
  const frequency = parts.get('FREQ');
  if (frequency === undefined || !isFrequency(frequency)) {
    return null;
  }
  const fields = defaultRecurrence(frequency);
  for (const [key, val] of parts) {
    switch (key) {
      case 'FREQ':
        break;
      case 'INTERVAL': {
        const interval = wholeNumber(val, MAX_INTERVAL);
        if (interval === null) {
          return null;
        }
        fields.interval = interval;
        break;
      }
      case 'BYDAY': {
        const days = val.split(',');
        if (frequency !== 'WEEKLY' || !days.every(isWeekday)) {
          return null;
        }
        fields.weekdays = WEEKDAYS.filter((day) => days.includes(day));
        break;
      }
      case 'BYMONTHDAY': {
        const day = wholeNumber(val, 31);
        if (frequency !== 'MONTHLY' || day === null) {
          return null;
        }
        fields.monthDay = day;
        break;
      }
      case 'COUNT': {
        const count = wholeNumber(val, MAX_COUNT);
        if (count === null || fields.end.kind === 'until') {
          return null;
        }
        fields.end = { kind: 'count', count };
        break;
      }
      case 'UNTIL': {
        const until = untilDate(val);
        if (until === null || fields.end.kind === 'count') {
          return null;
        }
        fields.end = { kind: 'until', until };
        break;
      }
      case 'WKST':
        if (val !== 'MO') {
          return null;
        }
        break;
      default:
        return null;
    }
  }
  return fields;
}

/** The rule for the builder's fields, keys in a stable order: `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE`. */
export function buildRrule(fields: RecurrenceFields): string {
  const parts = [`FREQ=${fields.frequency}`];
  if (fields.interval > 1) {
    parts.push(`INTERVAL=${fields.interval}`);
  }
  if (fields.frequency === 'WEEKLY' && fields.weekdays.length > 0) {
    parts.push(`BYDAY=${WEEKDAYS.filter((day) => fields.weekdays.includes(day)).join(',')}`);
  }
  if (fields.frequency === 'MONTHLY' && fields.monthDay !== undefined) {
    parts.push(`BYMONTHDAY=${fields.monthDay}`);
  }
  switch (fields.end.kind) {
    case 'never':
      break;
    case 'until':
      parts.push(`UNTIL=${fields.end.until.replace(/-/g, '')}`);
      break;
    case 'count':
      parts.push(`COUNT=${fields.end.count}`);
      break;
  }
  return parts.join(';');
}

/** Problems the builder can point at before the API does: `{ field: translation key }`. */
export function recurrenceProblems(
  fields: RecurrenceFields,
  startDate: string | undefined,
): Partial<Record<'interval' | 'weekdays' | 'count' | 'until', string>> {
  const problems: Partial<Record<'interval' | 'weekdays' | 'count' | 'until', string>> = {};
  if (!Number.isInteger(fields.interval) || fields.interval < 1 || fields.interval > MAX_INTERVAL) {
    problems.interval = 'app.validation.interval';
  }
  if (fields.end.kind === 'count') {
    const { count } = fields.end;
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
      problems.count = 'app.validation.count';
    }
  }
  if (fields.end.kind === 'until') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.end.until)) {
      problems.until = 'app.validation.date';
    } else if (startDate !== undefined && fields.end.until < startDate) {
      problems.until = 'app.validation.until_before_start';
    }
  }
  return problems;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface SummaryContext {
  translate: Translate;
  locale: string;
  /** The first day (`YYYY-MM-DD`), to name the day of a monthly or yearly rule. */
  startDate?: string;
  lunar?: boolean;
}

function listOf(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

function dayOfMonth(date: string | undefined): number | undefined {
  const match = date ? /^\d{4}-\d{2}-(\d{2})$/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}

function monthAndDay(date: string | undefined, locale: string): string | undefined {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) {
    return undefined;
  }
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    utc,
  );
}

function formatDay(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return date;
  }
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

/** "Every 2 weeks on Monday and Wednesday, 5 times" / "2주마다 월요일 및 수요일, 5회". */
export function describeRecurrence(fields: RecurrenceFields, context: SummaryContext): string {
  const { translate: t, locale } = context;
  const many = fields.interval > 1 ? 'many' : 'one';
  const interval = fields.interval;
  let rule: string;
  switch (fields.frequency) {
    case 'DAILY':
      rule = t(`app.recurrence.summary.daily_${many}`, { interval });
      break;
    case 'WEEKLY':
      rule =
        fields.weekdays.length > 0
          ? t(`app.recurrence.summary.weekly_${many}_on`, {
              interval,
              days: listOf(
                fields.weekdays.map((day) => t(`app.enums.weekday.${day}`)),
                locale,
              ),
            })
          : t(`app.recurrence.summary.weekly_${many}`, { interval });
      break;
    case 'MONTHLY': {
      const day = fields.monthDay ?? dayOfMonth(context.startDate);
      rule =
        day !== undefined
          ? t(`app.recurrence.summary.monthly_${many}_on`, { interval, day })
          : t(`app.recurrence.summary.monthly_${many}`, { interval });
      break;
    }
    case 'YEARLY': {
      const date = monthAndDay(context.startDate, locale);
      rule =
        date !== undefined
          ? t(`app.recurrence.summary.yearly_${many}_on`, { interval, date })
          : t(`app.recurrence.summary.yearly_${many}`, { interval });
      break;
    }
  }
  switch (fields.end.kind) {
    case 'never':
      break;
    case 'until':
      rule = t('app.recurrence.summary.until', {
        rule,
        date: formatDay(fields.end.until, locale),
      });
      break;
    case 'count':
      rule = t('app.recurrence.summary.count', { rule, smart_count: fields.end.count });
      break;
  }
  return context.lunar ? t('app.recurrence.summary.lunar', { rule }) : rule;
}

/** The summary of a stored rule; the rule itself when the builder cannot read it. */
export function describeRrule(rule: string, context: SummaryContext): string {
  const fields = parseRrule(rule);
  return fields ? describeRecurrence(fields, context) : rule;
}
