import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { type Color, parseColor } from '@app/kakao-sandbox/validation/color';
import type { RequestParams } from '@app/kakao-sandbox/validation/params';
import { checkReminder } from '@app/kakao-sandbox/validation/reminders';

export const CALENDAR_NAME_MAX = 50;

export interface CalendarFields {
  name?: string;
  color?: Color;
  reminder?: number;
  reminderAllDay?: number;
}

/** Form fields of 4.2 / 4.3: `name`, `color`, `reminder`, `reminder_all_day`. */
export function parseCalendarFields(params: RequestParams): CalendarFields {
  const fields: CalendarFields = {};
  const name = params.optionalString('name');
  if (name !== undefined) {
    if (name.trim() === '' || name.length > CALENDAR_NAME_MAX) {
      throw invalidParam(`name must have 1 to ${CALENDAR_NAME_MAX} characters`);
    }
    fields.name = name;
  }
  const color = params.optionalString('color');
  if (color !== undefined) {
    fields.color = parseColor(color, 'color');
  }
  const reminder = params.optionalInteger('reminder');
  if (reminder !== undefined) {
    fields.reminder = checkReminder(reminder, false, 'reminder');
  }
  const reminderAllDay = params.optionalInteger('reminder_all_day');
  if (reminderAllDay !== undefined) {
    fields.reminderAllDay = checkReminder(reminderAllDay, true, 'reminder_all_day');
  }
  return fields;
}
