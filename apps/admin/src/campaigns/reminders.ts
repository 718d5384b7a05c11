import { type Translate } from '@admin/campaigns/recurrence';

/** Common reminders of timed events: minutes before the start. */
export const TIMED_REMINDERS = [0, 5, 10, 15, 30, 60, 120, 180, 1440, 2880, 10080] as const;

/**
 * Common reminders of all-day events, relative to midnight of the first day: negative is after
 * midnight on the day (-540 = 09:00), positive before it (900 = the day before at 09:00).
 */
export const ALL_DAY_REMINDERS = [-540, -600, -720, 900, 840, 720, 2340, 9540] as const;

export const MAX_REMINDERS = 2;

const clock = (minutesAfterMidnight: number): string => {
  const hours = Math.floor(minutesAfterMidnight / 60);
  const minutes = minutesAfterMidnight % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
};

/** "10 minutes before", "On the day at 09:00", "1 day before at 09:00" — translated. */
export function reminderLabel(minutes: number, allDay: boolean, translate: Translate): string {
  if (allDay) {
    if (minutes <= 0) {
      return translate('app.reminders.on_the_day_at', { time: clock(-minutes) });
    }
    const days = Math.ceil(minutes / 1440);
    return translate('app.reminders.days_before_at', {
      smart_count: days,
      time: clock(days * 1440 - minutes),
    });
  }
  if (minutes === 0) {
    return translate('app.reminders.at_start');
  }
  if (minutes % 1440 === 0) {
    return translate('app.reminders.days_before', { smart_count: minutes / 1440 });
  }
  if (minutes % 60 === 0) {
    return translate('app.reminders.hours_before', { smart_count: minutes / 60 });
  }
  return translate('app.reminders.minutes_before', { smart_count: minutes });
}

/** The choices for a campaign: the common ones plus any it already has. */
export function reminderChoices(allDay: boolean, current: readonly number[]): number[] {
  const common: readonly number[] = allDay ? ALL_DAY_REMINDERS : TIMED_REMINDERS;
  const extra = current.filter((minutes) => !common.includes(minutes));
  return [...common, ...extra];
}
