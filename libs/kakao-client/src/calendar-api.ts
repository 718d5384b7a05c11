// User calendars and personal events (contract 4.1–4.10), all with the user's access token.

import { eventBody } from './event-body';
import { type CallOptions, type KakaoRequester } from './kakao-requester';
import { isJsonObject, type JsonObject } from './kakao-response';
import {
  type CalendarCreate,
  type CalendarFilter,
  type CalendarList,
  type CalendarUpdate,
  type EventBrief,
  type EventCreate,
  type EventDetail,
  type EventListQuery,
  type EventPage,
  type EventUpdate,
  type GuestEventUpdate,
  type RecurUpdateType,
} from './kakao.types';
import { followPages, itemsOfPages, pageCursor } from './paging';
import { GUEST_EVENT_SHAPE } from './request-shapes';
import { echoedId, listOf } from './response-readers';
import { windowBound } from './time-grid';
import { paramsOfUrl } from './wire-encoding';
import { pickShape } from './wire-shape';

export interface CreateEventOptions extends CallOptions {
  /** Target calendar; Kakao's default is `primary`. */
  calendarId?: string;
}

export interface UpdateEventOptions extends CallOptions {
  /** Required for recurring events. */
  recurUpdateType?: RecurUpdateType;
  calendarId?: string;
}

export interface RecurOptions extends CallOptions {
  /** Required for recurring events. */
  recurUpdateType?: RecurUpdateType;
}

const PATH = {
  calendars: '/v2/api/calendar/calendars',
  createCalendar: '/v2/api/calendar/create/calendar',
  updateCalendar: '/v2/api/calendar/update/calendar',
  deleteCalendar: '/v2/api/calendar/delete/calendar',
  createEvent: '/v2/api/calendar/create/event',
  events: '/v2/api/calendar/events',
  event: '/v2/api/calendar/event',
  updateHostEvent: '/v2/api/calendar/update/event/host',
  deleteEvent: '/v2/api/calendar/delete/event',
  updateGuestEvent: '/v2/api/calendar/update/event/guest',
} as const;

export class CalendarApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 4.1 The user's calendars and subscribed calendars; `filter` takes one value or several. */
  async listCalendars(
    accessToken: string,
    filter?: CalendarFilter | readonly CalendarFilter[],
    call?: CallOptions,
  ): Promise<CalendarList> {
    // Several values travel as one comma-separated parameter (`USER,SUBSCRIBE`).
    const filterParam = typeof filter === 'string' ? filter : filter?.join(',');
    const body = await this.requester.user(
      accessToken,
      'GET',
      PATH.calendars,
      { filter: filterParam },
      call,
    );
    return {
      calendars: listOf(body.calendars),
      subscribe_calendars: listOf(body.subscribe_calendars),
    };
  }

  /** 4.2 Creates a sub-calendar; answers its id. */
  async createCalendar(
    accessToken: string,
    calendar: CalendarCreate,
    call?: CallOptions,
  ): Promise<string> {
    const body = await this.requester.user(
      accessToken,
      'POST',
      PATH.createCalendar,
      calendarFields(calendar),
      call,
    );
    return echoedId(body, 'calendar_id', PATH.createCalendar);
  }

  /** 4.3 Changes a sub-calendar this service created. */
  async updateCalendar(
    accessToken: string,
    calendarId: string,
    changes: CalendarUpdate,
    call?: CallOptions,
  ): Promise<void> {
    await this.requester.user(
      accessToken,
      'POST',
      PATH.updateCalendar,
      { calendar_id: calendarId, ...calendarFields(changes) },
      call,
    );
  }

  /** 4.4 Deletes a sub-calendar this service created, with its events. */
  async deleteCalendar(accessToken: string, calendarId: string, call?: CallOptions): Promise<void> {
    await this.requester.user(
      accessToken,
      'DELETE',
      PATH.deleteCalendar,
      { calendar_id: calendarId },
      call,
    );
  }

  /** 4.5 Creates a personal event; answers its id. */
  async createEvent(
    accessToken: string,
    event: EventCreate,
    options?: CreateEventOptions,
  ): Promise<string> {
    const body = await this.requester.user(
      accessToken,
      'POST',
      PATH.createEvent,
      { calendar_id: options?.calendarId, event: eventBody(event) },
      options,
    );
    return echoedId(body, 'event_id', PATH.createEvent);
  }

  /** 4.6 One page of events in a window (≤ 31 days) or preset. */
  async listEvents(
    accessToken: string,
    query: EventListQuery,
    call?: CallOptions,
  ): Promise<EventPage> {
    const params = {
      calendar_id: query.calendar_id,
      preset: query.preset,
      time_zone: query.time_zone,
      from: query.from === undefined ? undefined : windowBound(query.from, 'from'),
      to: query.to === undefined ? undefined : windowBound(query.to, 'to'),
      limit: query.limit,
    };
    return eventPage(await this.requester.user(accessToken, 'GET', PATH.events, params, call));
  }

  /** 4.6 The page an `after_url` points to. */
  async listEventsAfter(
    accessToken: string,
    afterUrl: string,
    call?: CallOptions,
  ): Promise<EventPage> {
    const params = paramsOfUrl(afterUrl);
    return eventPage(await this.requester.user(accessToken, 'GET', PATH.events, params, call));
  }

  /** 4.6 Every event of the query, following `after_url` page by page. */
  events(
    accessToken: string,
    query: EventListQuery,
    call?: CallOptions,
  ): AsyncGenerator<EventBrief, void, undefined> {
    const pages = followPages(
      () => this.listEvents(accessToken, query, call),
      (url) => this.listEventsAfter(accessToken, url, call),
    );
    return itemsOfPages(pages, (page) => page.events);
  }

  /** 4.7 Any event the user can see. */
  async getEvent(accessToken: string, eventId: string, call?: CallOptions): Promise<EventDetail> {
    const body = await this.requester.user(
      accessToken,
      'GET',
      PATH.event,
      { event_id: eventId },
      call,
    );
    return eventDetail(body, PATH.event);
  }

  /**
   * 4.8 Edits an event the user hosts; answers the id of the edited part, which differs from
   * `eventId` when `THIS` or `THIS_AND_FOLLOWING` split a series.
   */
  async updateEvent(
    accessToken: string,
    eventId: string,
    changes: EventUpdate,
    options?: UpdateEventOptions,
  ): Promise<string> {
    const body = await this.requester.user(
      accessToken,
      'POST',
      PATH.updateHostEvent,
      {
        event_id: eventId,
        calendar_id: options?.calendarId,
        recur_update_type: options?.recurUpdateType,
        event: eventBody(changes),
      },
      options,
    );
    return echoedId(body, 'event_id', PATH.updateHostEvent, eventId);
  }

  /** 4.9 Deletes an event the user hosts (one occurrence, the rest, or all of a series). */
  async deleteEvent(accessToken: string, eventId: string, options?: RecurOptions): Promise<void> {
    await this.requester.user(
      accessToken,
      'DELETE',
      PATH.deleteEvent,
      { event_id: eventId, recur_update_type: options?.recurUpdateType },
      options,
    );
  }

  /** 4.10 Changes the personal settings (reminders, color, memo) of an invited event. */
  async updateGuestEvent(
    accessToken: string,
    eventId: string,
    changes: GuestEventUpdate,
    options?: RecurOptions,
  ): Promise<string> {
    const body = await this.requester.user(
      accessToken,
      'POST',
      PATH.updateGuestEvent,
      {
        event_id: eventId,
        recur_update_type: options?.recurUpdateType,
        event: pickShape(changes, GUEST_EVENT_SHAPE),
      },
      options,
    );
    return echoedId(body, 'event_id', PATH.updateGuestEvent, eventId);
  }
}

function calendarFields(calendar: CalendarUpdate): Record<string, string | number | undefined> {
  return {
    name: calendar.name,
    color: calendar.color,
    reminder: calendar.reminder,
    reminder_all_day: calendar.reminder_all_day,
  };
}

export function eventPage(body: JsonObject): EventPage {
  const { has_next: hasNext, after_url: afterUrl } = pageCursor(body);
  const page: EventPage = { events: listOf(body.events), has_next: hasNext };
  if (afterUrl !== undefined) {
    page.after_url = afterUrl;
  }
  return page;
}

/** `{ event: Event }`; an answer holding the event at top level is read the same way. */
export function eventDetail(body: JsonObject, where: string): EventDetail {
  const event = isJsonObject(body.event) ? body.event : body;
  echoedId(event, 'id', where);
  return event as unknown as EventDetail;
}
