import type { UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import {
  eventsSeenBy,
  type EventPage,
  type EventPageQuery,
  occurrencesInWindow,
  pageEvents,
} from '@app/kakao-sandbox/calendar/event-listing';
import {
  type EventRef,
  insertEvent,
  isRecurring,
  resolveEventRef,
} from '@app/kakao-sandbox/calendar/event-store';
import { type EventDetail, toEventDetail, viewerFor } from '@app/kakao-sandbox/calendar/event-view';
import { type RecurUpdateType, SeriesEditor } from '@app/kakao-sandbox/calendar/series-editor';
import { calendarDataOf, PRIMARY_CALENDAR_ID } from '@app/kakao-sandbox/calendar/user-calendars';
import { invalidParam, notAllowed, notFound } from '@app/kakao-sandbox/errors/kakao-error';
import { newEventId } from '@app/kakao-sandbox/state/ids';
import type { EventRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import {
  type EventCreateInput,
  type EventPatch,
  parseGuestPatch,
} from '@app/kakao-sandbox/validation/event-input';

export const USER_EVENTS_TOKEN = 'events';

export function buildEventRecord(
  base: Pick<EventRecord, 'kind' | 'appId' | 'calendarId' | 'ownerUserId' | 'channelPublicId'>,
  input: EventCreateInput,
  now: number,
): EventRecord {
  // Fields spelled out: spreading `base` here costs microseconds per event in V8.
  return {
    id: newEventId(),
    kind: base.kind,
    appId: base.appId,
    ownerUserId: base.ownerUserId,
    calendarId: base.calendarId,
    channelPublicId: base.channelPublicId,
    title: input.title,
    time: input.time,
    rrule: input.rrule,
    exdates: [],
    exceptionIds: [],
    description: input.description,
    location: input.location,
    reminders: input.reminders,
    color: input.color,
    banner: input.banner,
    notificationMessage: input.notificationMessage,
    guests: new Map(),
    followers: new Map(),
    createdAt: now,
    updatedAt: now,
  };
}

/** Whether a user may read an event at all (4.7). */
export function canSee(
  event: EventRecord,
  userId: number,
  subscribed: ReadonlySet<string>,
): boolean {
  switch (event.kind) {
    case 'USER':
      return event.ownerUserId === userId || event.guests.has(userId);
    case 'PUBLIC':
      return true;
    case 'SUBSCRIBE':
      return subscribed.has(event.calendarId);
  }
}

/** Personal events: create, list, detail, host edit and delete, guest edit (4.5–4.10). */
export class EventsService {
  private readonly editor: SeriesEditor;

  constructor(private readonly context: SandboxContext) {
    this.editor = new SeriesEditor(context);
  }

  create(caller: UserCaller, calendarId: string, input: EventCreateInput): { event_id: string } {
    this.checkWritableCalendar(caller, calendarId);
    const event = buildEventRecord(
      { kind: 'USER', appId: caller.app.id, calendarId, ownerUserId: caller.user.id },
      input,
      this.context.now(),
    );
    insertEvent(this.context.state, event);
    return { event_id: event.id };
  }

  list(
    caller: UserCaller,
    query: EventPageQuery,
    listUrl: { baseUrl: string; path: string },
  ): EventPage {
    const { state } = this.context;
    if (query.calendarId !== undefined) {
      this.checkListableCalendar(caller, query.calendarId);
    }
    const seen = eventsSeenBy(state, caller.user.id).filter(
      ({ viewer }) => query.calendarId === undefined || viewer.calendarId === query.calendarId,
    );
    const all = occurrencesInWindow(seen, { fromMs: query.fromMs, toMs: query.toMs });
    return pageEvents(all, query, USER_EVENTS_TOKEN, listUrl);
  }

  detail(caller: UserCaller, eventId: string): { event: EventDetail } {
    const { state } = this.context;
    const ref = this.resolve(eventId);
    const subscribed = calendarDataOf(state, caller.user.id).subscribedCalendarIds;
    if (!canSee(ref.event, caller.user.id, subscribed)) {
      throw notAllowed('this event belongs to another user');
    }
    const viewer = viewerFor(state, ref.event, caller.user.id);
    const start = ref.occurrenceStartMs ?? ref.event.time.startMs;
    return { event: toEventDetail(state, ref.event, start, viewer) };
  }

  updateAsHost(
    caller: UserCaller,
    eventId: string,
    type: RecurUpdateType | undefined,
    patch: EventPatch,
    moveToCalendarId: string | undefined,
  ): { event_id: string } {
    const ref = this.hostedRef(caller, eventId);
    if (moveToCalendarId !== undefined) {
      this.checkWritableCalendar(caller, moveToCalendarId);
    }
    const editedId = this.editor.update(ref, type, patch);
    if (moveToCalendarId !== undefined) {
      this.move(editedId, moveToCalendarId);
    }
    return { event_id: editedId };
  }

  deleteAsHost(
    caller: UserCaller,
    eventId: string,
    type: RecurUpdateType | undefined,
  ): { event_id: string } {
    this.editor.remove(this.hostedRef(caller, eventId), type);
    return { event_id: eventId };
  }

  /** A guest changes only their own reminders, colour and memo (4.10). */
  updateAsGuest(
    caller: UserCaller,
    eventId: string,
    type: RecurUpdateType | undefined,
    rawEvent: unknown,
  ): { event_id: string } {
    const ref = this.resolve(eventId);
    const { event } = ref;
    if (event.kind === 'USER' && event.ownerUserId === caller.user.id) {
      throw notAllowed('the host edits this event with update/event/host');
    }
    const guest = event.kind === 'USER' ? event.guests.get(caller.user.id) : undefined;
    if (!guest) {
      throw notAllowed('the user is not a guest of this event');
    }
    if (isRecurring(event) && type === undefined) {
      throw invalidParam('recur_update_type is required for a recurring event');
    }
    const settings = parseGuestPatch(rawEvent, event.time.allDay);
    if (type === 'THIS' && event.rrule !== undefined) {
      const start = ref.occurrenceStartMs ?? event.time.startMs;
      guest.overrides.set(start, { ...guest.overrides.get(start), ...settings });
    } else {
      Object.assign(guest, settings);
    }
    return { event_id: eventId };
  }

  private resolve(eventId: string): EventRef {
    const ref = resolveEventRef(this.context.state, eventId);
    if (!ref) {
      throw notFound('event');
    }
    return ref;
  }

  private hostedRef(caller: UserCaller, eventId: string): EventRef {
    const ref = this.resolve(eventId);
    if (ref.event.kind !== 'USER' || ref.event.ownerUserId !== caller.user.id) {
      throw notAllowed('only the host can change or delete this event');
    }
    return ref;
  }

  private move(eventId: string, calendarId: string): void {
    const { state } = this.context;
    const event = state.events.get(eventId);
    if (!event) {
      return;
    }
    event.calendarId = calendarId;
    for (const exceptionId of event.exceptionIds) {
      const exception = state.events.get(exceptionId);
      if (exception) {
        exception.calendarId = calendarId;
      }
    }
  }

  /** Events go to `primary` or a sub-calendar of this service only (4.5). */
  private checkWritableCalendar(caller: UserCaller, calendarId: string): void {
    if (calendarId === PRIMARY_CALENDAR_ID) {
      return;
    }
    const { state } = this.context;
    const calendar = calendarDataOf(state, caller.user.id).subCalendars.get(calendarId);
    if (calendar && calendar.appId === caller.app.id) {
      return;
    }
    if (calendar || state.subscribeCalendars.has(calendarId)) {
      throw notAllowed('events can only be written to primary or to sub-calendars of this service');
    }
    throw notFound('calendar');
  }

  private checkListableCalendar(caller: UserCaller, calendarId: string): void {
    const data = calendarDataOf(this.context.state, caller.user.id);
    const known =
      calendarId === PRIMARY_CALENDAR_ID ||
      data.subCalendars.has(calendarId) ||
      data.subscribedCalendarIds.has(calendarId);
    if (!known) {
      throw notFound('calendar');
    }
  }
}
