import type { CalendarSettings, SubscribeCalendarRecord } from '@app/kakao-sandbox/state/models';
import type { Color } from '@app/kakao-sandbox/validation/color';

/** Calendar of 3.6. */
export interface CalendarWire {
  id: string;
  name?: string;
  color?: Color;
  reminder?: number;
  reminder_all_day?: number;
}

/** Subscribe calendar of 3.7. */
export interface SubscribeCalendarWire extends CalendarWire {
  description?: string;
  profile_image_url?: string;
  thumbnail_url?: string;
}

export function toCalendarWire(id: string, settings: CalendarSettings): CalendarWire {
  const wire: CalendarWire = { id, name: settings.name };
  if (settings.color !== undefined) {
    wire.color = settings.color;
  }
  if (settings.reminder !== undefined) {
    wire.reminder = settings.reminder;
  }
  if (settings.reminderAllDay !== undefined) {
    wire.reminder_all_day = settings.reminderAllDay;
  }
  return wire;
}

export function toSubscribeCalendarWire(calendar: SubscribeCalendarRecord): SubscribeCalendarWire {
  const wire: SubscribeCalendarWire = toCalendarWire(calendar.id, calendar);
  if (calendar.description !== undefined) {
    wire.description = calendar.description;
  }
  if (calendar.profileImageUrl !== undefined) {
    wire.profile_image_url = calendar.profileImageUrl;
  }
  if (calendar.thumbnailUrl !== undefined) {
    wire.thumbnail_url = calendar.thumbnailUrl;
  }
  return wire;
}
