import { calendarDataOf } from '@app/kakao-sandbox/calendar/user-calendars';
import { isOccurrenceStart } from '@app/kakao-sandbox/recurrence/occurrences';
import type { EventRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxState } from '@app/kakao-sandbox/state/sandbox-state';
import { formatBasicInstant, parseInstant } from '@app/kakao-sandbox/validation/datetime';

/** An event id as a client sends it: a stored event, or one occurrence of a series. */
export interface EventRef {
  event: EventRecord;
  /** Set when the id named an occurrence (`<series id>_<YYYYMMDDTHHmmssZ>`). */
  occurrenceStartMs?: number;
}

export function isRecurring(event: EventRecord): boolean {
  return event.rrule !== undefined || event.seriesId !== undefined;
}

/** Occurrences of a series get their own ids so lists can name each one. */
export function occurrenceId(event: EventRecord, startMs: number): string {
  return event.rrule === undefined ? event.id : `${event.id}_${formatBasicInstant(startMs)}`;
}

export function resolveEventRef(state: SandboxState, id: string): EventRef | undefined {
  const event = state.events.get(id);
  if (event) {
    return { event };
  }
  const separator = id.lastIndexOf('_');
  if (separator <= 0) {
    return undefined;
  }
  const series = state.events.get(id.slice(0, separator));
  const startMs = parseInstant(id.slice(separator + 1));
  if (!series?.rrule || startMs === undefined || series.exdates.includes(startMs)) {
    return undefined;
  }
  if (!isOccurrenceStart({ time: series.time, rule: series.rrule }, startMs)) {
    return undefined;
  }
  return { event: series, occurrenceStartMs: startMs };
}

/** Stores a new event and links it to its host, guests, followers or subscribe calendar. */
export function insertEvent(state: SandboxState, event: EventRecord): void {
  state.events.set(event.id, event);
  if (event.ownerUserId !== undefined) {
    calendarDataOf(state, event.ownerUserId).hostedEventIds.add(event.id);
  }
  for (const guestId of event.guests.keys()) {
    calendarDataOf(state, guestId).guestEventIds.add(event.id);
  }
  for (const followerId of event.followers.keys()) {
    calendarDataOf(state, followerId).followedEventIds.add(event.id);
  }
  if (event.kind === 'SUBSCRIBE') {
    state.subscribeCalendars.get(event.calendarId)?.eventIds.add(event.id);
  }
  if (event.kind === 'PUBLIC' && event.channelPublicId !== undefined) {
    state.channels.get(event.channelPublicId)?.eventIds.add(event.id);
  }
}

/** Removes an event (and, for a series, its exceptions) from every calendar that shows it. */
export function removeEvent(state: SandboxState, event: EventRecord): void {
  for (const exceptionId of event.exceptionIds) {
    const exception = state.events.get(exceptionId);
    if (exception) {
      removeEvent(state, exception);
    }
  }
  state.events.delete(event.id);
  if (event.ownerUserId !== undefined) {
    state.calendars.get(event.ownerUserId)?.hostedEventIds.delete(event.id);
  }
  for (const guestId of event.guests.keys()) {
    state.calendars.get(guestId)?.guestEventIds.delete(event.id);
  }
  for (const followerId of event.followers.keys()) {
    state.calendars.get(followerId)?.followedEventIds.delete(event.id);
  }
  if (event.kind === 'SUBSCRIBE') {
    state.subscribeCalendars.get(event.calendarId)?.eventIds.delete(event.id);
  }
  if (event.kind === 'PUBLIC' && event.channelPublicId !== undefined) {
    state.channels.get(event.channelPublicId)?.eventIds.delete(event.id);
  }
  if (event.seriesId !== undefined) {
    const series = state.events.get(event.seriesId);
    if (series) {
      series.exceptionIds = series.exceptionIds.filter((id) => id !== event.id);
    }
  }
}
