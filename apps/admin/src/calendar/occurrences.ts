import { parseRrule, type RecurrenceFields, WEEKDAYS } from '@admin/campaigns/recurrence';
import { addDays } from '@admin/time/zonedTime';

const MAX_STEPS = 5000;

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function dateOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Day 31 of a 30-day month (or 29 February of a common year) does not happen (RFC 5545).
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Monday-based weekday index (0 = MO) of a date. */
function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Start days of the rule's occurrences, in order, from `first` up to `until` (inclusive). */
function* startDays(fields: RecurrenceFields, first: string): Generator<string> {
  const [year, month, day] = parts(first);
  switch (fields.frequency) {
    case 'DAILY':
      for (let step = 0; ; step += 1) {
        yield addDays(first, step * fields.interval);
      }
    case 'WEEKLY': {
      const days = (fields.weekdays.length > 0 ? fields.weekdays : [WEEKDAYS[weekdayIndex(first)]])
        .map((weekday) => WEEKDAYS.indexOf(weekday))
        .sort((a, b) => a - b);
      const monday = addDays(first, -weekdayIndex(first));
      for (let week = 0; ; week += fields.interval) {
        for (const offset of days) {
          const date = addDays(monday, week * 7 + offset);
          if (date >= first) {
            yield date;
          }
        }
      }
    }
    case 'MONTHLY':
      for (let step = 0; ; step += fields.interval) {
        const index = year * 12 + (month - 1) + step;
        const date = dateOf(Math.floor(index / 12), (index % 12) + 1, fields.monthDay ?? day);
        if (date !== undefined && date >= first) {
          yield date;
        }
      }
    case 'YEARLY':
      for (let step = 0; ; step += fields.interval) {
        const date = dateOf(year + step, month, day);
        if (date !== undefined) {
          yield date;
        }
      }
  }
}

export interface Occurrence {
  first: string;
  last: string;
}

/**
 * The occurrences of a campaign that overlap `[windowFirst, windowLast]` (local dates), for rules
 * the builder reads; the first occurrence alone otherwise (and for lunar dates, which follow
 * another calendar).
 */
export function occurrencesInWindow(
  rrule: string | undefined,
  lunar: boolean,
  occurrence: Occurrence,
  windowFirst: string,
  windowLast: string,
): Occurrence[] {
  const overlaps = (span: Occurrence) => span.last >= windowFirst && span.first <= windowLast;
  const fields = rrule && !lunar ? parseRrule(rrule) : null;
  if (!fields) {
    return overlaps(occurrence) ? [occurrence] : [];
  }
  const length = daysBetween(occurrence.first, occurrence.last);
  const found: Occurrence[] = [];
  let count = 0;
  let steps = 0;
  for (const start of startDays(fields, occurrence.first)) {
    steps += 1;
    count += 1;
    if (
      start > windowLast ||
      steps > MAX_STEPS ||
      (fields.end.kind === 'until' && start > fields.end.until) ||
      (fields.end.kind === 'count' && count > fields.end.count)
    ) {
      break;
    }
    const span = { first: start, last: addDays(start, length) };
    if (overlaps(span)) {
      found.push(span);
    }
  }
  return found;
}
