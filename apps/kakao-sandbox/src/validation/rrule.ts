import { RRule } from 'rrule';

import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import {
  formatRecurrenceRule,
  FREQUENCIES,
  type Frequency,
  type RecurrenceRule,
} from '@app/kakao-sandbox/recurrence/recurrence-rule';
import { parseBasicDate, parseInstant } from '@app/kakao-sandbox/validation/datetime';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const BYDAY_PATTERN = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const INTEGER_PATTERN = /^[+-]?\d{1,6}$/;
const UNTIL_INSTANT_PATTERN = /^\d{8}T\d{6}Z$/;
const MAX_INTERVAL = 1000;
const MAX_COUNT = 100_000;

type RuleKey =
  'FREQ' | 'INTERVAL' | 'COUNT' | 'UNTIL' | 'BYDAY' | 'BYMONTHDAY' | 'BYMONTH' | 'WKST';
const RULE_KEYS: readonly string[] = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'WKST',
];

function fail(detail: string): never {
  throw invalidParam(`event.rrule: ${detail}`);
}

function positiveInteger(value: string, key: string, max: number): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    fail(`${key} must be an integer from 1 to ${max}`);
  }
  return Number(value);
}

function integerList(value: string, key: string, min: number, max: number): number[] {
  return value.split(',').map((item) => {
    const number = Number(item);
    if (!INTEGER_PATTERN.test(item) || number === 0 || number < min || number > max) {
      fail(`${key} holds ${item}, outside ${min}..${max}`);
    }
    return number;
  });
}

function parseByDay(value: string, freq: Frequency): string[] {
  return value.split(',').map((item) => {
    const match = BYDAY_PATTERN.exec(item);
    if (!match) {
      fail(`BYDAY holds "${item}", not a weekday like MO or -1FR`);
    }
    if (match[1] !== undefined) {
      const ordinal = Math.abs(Number(match[1]));
      if (ordinal === 0 || ordinal > 53) {
        fail(`BYDAY ordinal of "${item}" is out of range`);
      }
      if (freq !== 'MONTHLY' && freq !== 'YEARLY') {
        fail('BYDAY with an ordinal needs FREQ=MONTHLY or FREQ=YEARLY');
      }
    }
    return item;
  });
}

function parseUntil(value: string): string {
  const valid = UNTIL_INSTANT_PATTERN.test(value)
    ? parseInstant(value) !== undefined
    : parseBasicDate(value) !== undefined;
  if (!valid) {
    fail('UNTIL must be YYYYMMDDTHHmmssZ or YYYYMMDD');
  }
  return value;
}

function splitParts(text: string): Map<RuleKey, string> {
  // Clients send a trailing ";" (3.5), so one empty last part is tolerated.
  const segments = text.endsWith(';') ? text.slice(0, -1).split(';') : text.split(';');
  const parts = new Map<RuleKey, string>();
  for (const segment of segments) {
    const equals = segment.indexOf('=');
    if (equals <= 0 || equals === segment.length - 1) {
      fail(`"${segment}" is not KEY=VALUE`);
    }
    const key = segment.slice(0, equals).toUpperCase();
    if (!RULE_KEYS.includes(key)) {
      fail(
        `${key} is not supported (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, WKST)`,
      );
    }
    if (parts.has(key as RuleKey)) {
      fail(`${key} appears twice`);
    }
    parts.set(key as RuleKey, segment.slice(equals + 1).toUpperCase());
  }
  return parts;
}

/** Parses an RRULE value of the 3.5 subset; anything else is `-2`. */
export function parseRecurrenceRule(text: string): RecurrenceRule {
  if (text.trim() === '' || text.length > 500) {
    fail('must be a non-empty RRULE value');
  }
  const parts = splitParts(text);
  const freq = parts.get('FREQ');
  if (freq === undefined) {
    fail('FREQ is required');
  }
  if (!(FREQUENCIES as readonly string[]).includes(freq)) {
    fail('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  }
  const rule: RecurrenceRule = { freq: freq as Frequency };
  const interval = parts.get('INTERVAL');
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  const byMonth = parts.get('BYMONTH');
  const wkst = parts.get('WKST');
  if (count !== undefined && until !== undefined) {
    fail('COUNT and UNTIL cannot be used together');
  }
  if (interval !== undefined) {
    rule.interval = positiveInteger(interval, 'INTERVAL', MAX_INTERVAL);
  }
  if (count !== undefined) {
    rule.count = positiveInteger(count, 'COUNT', MAX_COUNT);
  }
  if (until !== undefined) {
    rule.until = parseUntil(until);
  }
  if (byDay !== undefined) {
    rule.byDay = parseByDay(byDay, rule.freq);
  }
  if (byMonthDay !== undefined) {
    if (rule.freq === 'WEEKLY') {
      fail('BYMONTHDAY cannot be used with FREQ=WEEKLY');
    }
    rule.byMonthDay = integerList(byMonthDay, 'BYMONTHDAY', -31, 31);
  }
  if (byMonth !== undefined) {
    rule.byMonth = integerList(byMonth, 'BYMONTH', 1, 12);
  }
  if (wkst !== undefined) {
    if (!WEEKDAYS.includes(wkst)) {
      fail('WKST must be a weekday like MO');
    }
    rule.wkst = wkst;
  }
  // Second opinion from the library that expands the rule later.
  try {
    RRule.parseString(formatRecurrenceRule(rule));
  } catch {
    fail('cannot be parsed');
  }
  return rule;
}
