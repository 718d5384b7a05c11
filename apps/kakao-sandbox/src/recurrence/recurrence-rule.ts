export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

export type Frequency = (typeof FREQUENCIES)[number];

/** The RRULE subset of contract 3.5, parsed. */
export interface RecurrenceRule {
  freq: Frequency;
  interval?: number;
  count?: number;
  /** `YYYYMMDDTHHmmssZ` (UTC instant) or `YYYYMMDD` (a date, inclusive). */
  until?: string;
  byDay?: string[];
  byMonthDay?: number[];
  byMonth?: number[];
  wkst?: string;
}

/** The canonical RRULE value the sandbox stores and answers, without the `RRULE:` prefix. */
export function formatRecurrenceRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== undefined) {
    parts.push(`INTERVAL=${rule.interval}`);
  }
  if (rule.byMonth !== undefined) {
    parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  }
  if (rule.byMonthDay !== undefined) {
    parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  }
  if (rule.byDay !== undefined) {
    parts.push(`BYDAY=${rule.byDay.join(',')}`);
  }
  if (rule.wkst !== undefined) {
    parts.push(`WKST=${rule.wkst}`);
  }
  if (rule.count !== undefined) {
    parts.push(`COUNT=${rule.count}`);
  }
  if (rule.until !== undefined) {
    parts.push(`UNTIL=${rule.until}`);
  }
  return parts.join(';');
}

export function hasByParts(rule: RecurrenceRule): boolean {
  return rule.byDay !== undefined || rule.byMonthDay !== undefined || rule.byMonth !== undefined;
}
