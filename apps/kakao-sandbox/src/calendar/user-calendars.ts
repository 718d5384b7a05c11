import type { UserCalendarData } from '@app/kakao-sandbox/state/models';
import type { SandboxState } from '@app/kakao-sandbox/state/sandbox-state';

export const PRIMARY_CALENDAR_ID = 'primary';

/** A user's Talk Calendar data, created with "My Calendar" defaults on first use. */
export function calendarDataOf(state: SandboxState, userId: number): UserCalendarData {
  let data = state.calendars.get(userId);
  if (!data) {
    data = {
      primary: { name: '내 캘린더', color: 'ROYAL_BLUE', reminder: 15, reminderAllDay: 540 },
      subCalendars: new Map(),
      hostedEventIds: new Set(),
      guestEventIds: new Set(),
      followedEventIds: new Set(),
      subscribedCalendarIds: new Set(),
      taskIds: [],
    };
    state.calendars.set(userId, data);
  }
  return data;
}
