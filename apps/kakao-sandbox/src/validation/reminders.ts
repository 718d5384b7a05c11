import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';

export const MAX_REMINDERS = 2;
const TIMED_RANGE = { min: 0, max: 43200 } as const;
// Negative all-day reminders fire after local midnight of the day (-540 = 09:00).
const ALL_DAY_RANGE = { min: -1440, max: 43200 } as const;

/** Checks one reminder (minutes before the start) against 3.4. */
export function checkReminder(value: unknown, allDay: boolean, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidParam(`${path} must be an integer number of minutes`);
  }
  if (value % 5 !== 0) {
    throw invalidParam(`${path} must be a multiple of 5 minutes`);
  }
  const range = allDay ? ALL_DAY_RANGE : TIMED_RANGE;
  if (value < range.min || value > range.max) {
    throw invalidParam(
      `${path} must be between ${range.min} and ${range.max} for ${allDay ? 'all-day' : 'timed'} events`,
    );
  }
  return value;
}

/** Shape of a `reminders` array: at most two integers that are multiples of 5. */
export function parseReminderList(value: unknown, path: string): number[] {
  if (!Array.isArray(value)) {
    throw invalidParam(`${path} must be an array of minutes`);
  }
  if (value.length > MAX_REMINDERS) {
    throw invalidParam(`${path} holds at most ${MAX_REMINDERS} reminders`);
  }
  return value.map((item, index) => {
    if (typeof item !== 'number' || !Number.isInteger(item) || item % 5 !== 0) {
      throw invalidParam(`${path}[${index}] must be an integer multiple of 5 minutes`);
    }
    return item;
  });
}

/** Range of each reminder, once it is known whether the event is all-day. */
export function checkReminderRange(
  reminders: readonly number[],
  allDay: boolean,
  path: string,
): void {
  reminders.forEach((value, index) => checkReminder(value, allDay, `${path}[${index}]`));
}
