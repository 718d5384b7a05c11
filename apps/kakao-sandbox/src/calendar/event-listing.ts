import {
  type EventBrief,
  type EventViewer,
  toEventBrief,
  viewerFor,
} from '@app/kakao-sandbox/calendar/event-view';
import { calendarDataOf } from '@app/kakao-sandbox/calendar/user-calendars';
import { afterUrl, encodePageToken } from '@app/kakao-sandbox/paging/page-token';
import { occurrenceStarts } from '@app/kakao-sandbox/recurrence/occurrences';
import type { EventRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxState } from '@app/kakao-sandbox/state/sandbox-state';
import type { TimeWindow } from '@app/kakao-sandbox/validation/list-window';

export interface ViewedEvent {
  event: EventRecord;
  viewer: EventViewer;
}

/** Page of a window query; the token holds the whole query so the next page needs nothing else. */
export interface EventPageQuery {
  calendarId?: string;
  channelPublicId?: string;
  fromMs: number;
  toMs: number;
  limit: number;
  offset: number;
}

export interface EventPage {
  events: EventBrief[];
  has_next: boolean;
  after_url?: string;
}

/** Every event a user sees: hosted, invited, followed public, and from subscribed calendars. */
export function eventsSeenBy(state: SandboxState, userId: number): ViewedEvent[] {
  const data = calendarDataOf(state, userId);
  const seen: ViewedEvent[] = [];
  const add = (eventId: string): void => {
    const event = state.events.get(eventId);
    if (event) {
      seen.push({ event, viewer: viewerFor(state, event, userId) });
    }
  };
  data.hostedEventIds.forEach(add);
  data.guestEventIds.forEach(add);
  data.followedEventIds.forEach(add);
  for (const calendarId of data.subscribedCalendarIds) {
    state.subscribeCalendars.get(calendarId)?.eventIds.forEach(add);
  }
  return seen;
}

/** Occurrences overlapping the window, series expanded, ordered by start then id. */
export function occurrencesInWindow(
  viewed: readonly ViewedEvent[],
  window: TimeWindow,
): EventBrief[] {
  const rows: { start: number; brief: EventBrief }[] = [];
  for (const { event, viewer } of viewed) {
    const shape = { time: event.time, rule: event.rrule };
    for (const start of occurrenceStarts(shape, window.fromMs, window.toMs)) {
      if (!event.exdates.includes(start)) {
        rows.push({ start, brief: toEventBrief(event, start, viewer) });
      }
    }
  }
  rows.sort((a, b) => a.start - b.start || (a.brief.id < b.brief.id ? -1 : 1));
  return rows.map((row) => row.brief);
}

/** Cuts one page out and, when more remain, builds `after_url` on the sandbox's own URL. */
export function pageEvents(
  all: readonly EventBrief[],
  query: EventPageQuery,
  tokenKind: string,
  listUrl: { baseUrl: string; path: string },
): EventPage {
  const events = all.slice(query.offset, query.offset + query.limit);
  const hasNext = query.offset + query.limit < all.length;
  const page: EventPage = { events, has_next: hasNext };
  if (hasNext) {
    const token = encodePageToken(tokenKind, {
      c: query.calendarId,
      ch: query.channelPublicId,
      f: query.fromMs,
      t: query.toMs,
      l: query.limit,
      o: query.offset + query.limit,
    });
    page.after_url = afterUrl(listUrl.baseUrl, listUrl.path, token);
  }
  return page;
}
