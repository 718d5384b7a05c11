import { isRecurring, occurrenceId } from '@app/kakao-sandbox/calendar/event-store';
import { calendarDataOf, PRIMARY_CALENDAR_ID } from '@app/kakao-sandbox/calendar/user-calendars';
import { formatRecurrenceRule } from '@app/kakao-sandbox/recurrence/recurrence-rule';
import type {
  Banner,
  CalendarSettings,
  EventKind,
  EventRecord,
  GuestSettings,
  KakaoLocation,
} from '@app/kakao-sandbox/state/models';
import type { SandboxState } from '@app/kakao-sandbox/state/sandbox-state';
import type { Color } from '@app/kakao-sandbox/validation/color';
import { formatInstant } from '@app/kakao-sandbox/validation/datetime';
import { formatTime, type KakaoTime, moveTime } from '@app/kakao-sandbox/validation/time';

/** EventBrief of 3.9. */
export interface EventBrief {
  id: string;
  title: string;
  type: EventKind;
  calendar_id: string;
  time: KakaoTime;
  is_host: boolean;
  is_recur_event: boolean;
  color?: Color;
}

/** Event detail of 3.10. */
export interface EventDetail extends EventBrief {
  rrule?: string;
  dt_start?: string;
  description?: string;
  location?: KakaoLocation;
  reminders?: number[];
  memo?: string;
  banner?: Banner;
}

/** How one caller sees an event: which calendar holds it and whose settings apply. */
export interface EventViewer {
  calendarId: string;
  isHost: boolean;
  guest?: GuestSettings & { overrides?: Map<number, GuestSettings> };
  defaults?: { reminder?: number; reminderAllDay?: number };
}

function settingsOf(state: SandboxState, event: EventRecord): CalendarSettings | undefined {
  if (event.kind === 'SUBSCRIBE') {
    return state.subscribeCalendars.get(event.calendarId);
  }
  if (event.kind === 'USER' && event.ownerUserId !== undefined) {
    const data = calendarDataOf(state, event.ownerUserId);
    return event.calendarId === PRIMARY_CALENDAR_ID
      ? data.primary
      : data.subCalendars.get(event.calendarId);
  }
  return undefined;
}

/** The viewer a user is for an event, or the channel's admin view when `userId` is absent. */
export function viewerFor(state: SandboxState, event: EventRecord, userId?: number): EventViewer {
  switch (event.kind) {
    case 'USER': {
      if (event.ownerUserId === userId) {
        return { calendarId: event.calendarId, isHost: true, defaults: settingsOf(state, event) };
      }
      const guest = userId === undefined ? undefined : event.guests.get(userId);
      return { calendarId: PRIMARY_CALENDAR_ID, isHost: false, guest };
    }
    case 'PUBLIC': {
      if (userId === undefined) {
        return { calendarId: event.channelPublicId ?? event.calendarId, isHost: true };
      }
      const following = event.followers.has(userId);
      return {
        calendarId: following ? PRIMARY_CALENDAR_ID : (event.channelPublicId ?? event.calendarId),
        isHost: false,
      };
    }
    case 'SUBSCRIBE':
      return { calendarId: event.calendarId, isHost: false, defaults: settingsOf(state, event) };
  }
}

function guestSettingsAt(viewer: EventViewer, startMs: number): GuestSettings | undefined {
  if (!viewer.guest) {
    return undefined;
  }
  return { ...viewer.guest, ...viewer.guest.overrides?.get(startMs) };
}

export function toEventBrief(event: EventRecord, startMs: number, viewer: EventViewer): EventBrief {
  const guest = guestSettingsAt(viewer, startMs);
  const color = guest?.color ?? event.color;
  const brief: EventBrief = {
    id: occurrenceId(event, startMs),
    title: event.title,
    type: event.kind,
    calendar_id: viewer.calendarId,
    time: formatTime(moveTime(event.time, startMs)),
    is_host: viewer.isHost,
    is_recur_event: isRecurring(event),
  };
  if (color !== undefined) {
    brief.color = color;
  }
  return brief;
}

export function toEventDetail(
  state: SandboxState,
  event: EventRecord,
  startMs: number,
  viewer: EventViewer,
): EventDetail {
  const detail: EventDetail = toEventBrief(event, startMs, viewer);
  const series = event.seriesId === undefined ? event : state.events.get(event.seriesId);
  if (series?.rrule !== undefined) {
    detail.rrule = formatRecurrenceRule(series.rrule);
    detail.dt_start = formatInstant(series.time.startMs);
  }
  if (event.description !== undefined) {
    detail.description = event.description;
  }
  if (event.location !== undefined) {
    detail.location = event.location;
  }
  const guest = guestSettingsAt(viewer, startMs);
  const fallback = event.time.allDay ? viewer.defaults?.reminderAllDay : viewer.defaults?.reminder;
  const reminders =
    guest?.reminders ?? event.reminders ?? (fallback === undefined ? undefined : [fallback]);
  if (reminders !== undefined) {
    detail.reminders = reminders;
  }
  if (guest?.memo !== undefined) {
    detail.memo = guest.memo;
  }
  if (event.banner !== undefined) {
    detail.banner = event.banner;
  }
  return detail;
}
