import type { UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import {
  type CalendarWire,
  type SubscribeCalendarWire,
  toCalendarWire,
  toSubscribeCalendarWire,
} from '@app/kakao-sandbox/calendar/calendar-view';
import { removeEvent } from '@app/kakao-sandbox/calendar/event-store';
import { calendarDataOf, PRIMARY_CALENDAR_ID } from '@app/kakao-sandbox/calendar/user-calendars';
import { invalidParam, notAllowed, notFound } from '@app/kakao-sandbox/errors/kakao-error';
import { newSubCalendarId } from '@app/kakao-sandbox/state/ids';
import type { SubCalendarRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import type { CalendarFields } from '@app/kakao-sandbox/validation/calendar-input';

export const CALENDAR_FILTERS = ['USER', 'SUBSCRIBE', 'ALL'] as const;
export type CalendarFilter = (typeof CALENDAR_FILTERS)[number];

/** Limits of 3.6. */
export const SUB_CALENDARS_PER_SERVICE = 3;
export const SUB_CALENDARS_PER_USER = 99;

export interface CalendarList {
  calendars?: CalendarWire[];
  subscribe_calendars?: SubscribeCalendarWire[];
}

/** User calendars: list, create, update, delete (4.1–4.4). */
export class CalendarsService {
  constructor(private readonly context: SandboxContext) {}

  list(caller: UserCaller, filters: ReadonlySet<CalendarFilter>): CalendarList {
    const { state } = this.context;
    const data = calendarDataOf(state, caller.user.id);
    const result: CalendarList = {};
    const all = filters.has('ALL');
    if (all || filters.has('USER')) {
      result.calendars = [toCalendarWire(PRIMARY_CALENDAR_ID, data.primary)];
      for (const calendar of data.subCalendars.values()) {
        // Calendars made by other services answer with their id only (3.6).
        result.calendars.push(
          calendar.appId === caller.app.id
            ? toCalendarWire(calendar.id, calendar)
            : { id: calendar.id },
        );
      }
    }
    if (all || filters.has('SUBSCRIBE')) {
      result.subscribe_calendars = [];
      for (const id of data.subscribedCalendarIds) {
        const calendar = state.subscribeCalendars.get(id);
        if (calendar) {
          result.subscribe_calendars.push(toSubscribeCalendarWire(calendar));
        }
      }
    }
    return result;
  }

  create(caller: UserCaller, fields: CalendarFields): { calendar_id: string } {
    if (fields.name === undefined) {
      throw invalidParam('name is required');
    }
    const data = calendarDataOf(this.context.state, caller.user.id);
    const own = [...data.subCalendars.values()].filter((c) => c.appId === caller.app.id);
    if (own.length >= SUB_CALENDARS_PER_SERVICE) {
      throw invalidParam(
        `a service may create at most ${SUB_CALENDARS_PER_SERVICE} sub-calendars per user`,
      );
    }
    if (data.subCalendars.size >= SUB_CALENDARS_PER_USER) {
      throw invalidParam(`a user has at most ${SUB_CALENDARS_PER_USER} sub-calendars`);
    }
    if (own.some((c) => c.name === fields.name)) {
      throw invalidParam('this service already has a sub-calendar with that name');
    }
    const calendar: SubCalendarRecord = {
      ...fields,
      name: fields.name,
      id: newSubCalendarId(),
      appId: caller.app.id,
      createdAt: this.context.now(),
    };
    data.subCalendars.set(calendar.id, calendar);
    return { calendar_id: calendar.id };
  }

  update(caller: UserCaller, calendarId: string, fields: CalendarFields): { calendar_id: string } {
    const calendar = this.ownSubCalendar(caller, calendarId);
    if (Object.keys(fields).length === 0) {
      throw invalidParam('no field to change (name, color, reminder, reminder_all_day)');
    }
    if (fields.name !== undefined && fields.name !== calendar.name) {
      const data = calendarDataOf(this.context.state, caller.user.id);
      const clash = [...data.subCalendars.values()].some(
        (c) => c.appId === caller.app.id && c.id !== calendar.id && c.name === fields.name,
      );
      if (clash) {
        throw invalidParam('this service already has a sub-calendar with that name');
      }
    }
    Object.assign(calendar, fields);
    return { calendar_id: calendar.id };
  }

  delete(caller: UserCaller, calendarId: string): { calendar_id: string } {
    const { state } = this.context;
    const calendar = this.ownSubCalendar(caller, calendarId);
    const data = calendarDataOf(state, caller.user.id);
    for (const eventId of [...data.hostedEventIds]) {
      const event = state.events.get(eventId);
      if (event && event.calendarId === calendar.id) {
        removeEvent(state, event);
      }
    }
    data.subCalendars.delete(calendar.id);
    return { calendar_id: calendar.id };
  }

  /** A sub-calendar this service created for the user; `primary` and others' are -6 (4.3). */
  private ownSubCalendar(caller: UserCaller, calendarId: string): SubCalendarRecord {
    const { state } = this.context;
    if (calendarId === PRIMARY_CALENDAR_ID) {
      throw notAllowed('primary calendar cannot be changed or deleted');
    }
    const calendar = calendarDataOf(state, caller.user.id).subCalendars.get(calendarId);
    if (calendar && calendar.appId === caller.app.id) {
      return calendar;
    }
    if (calendar || state.subscribeCalendars.has(calendarId)) {
      throw notAllowed('only sub-calendars created by this service can be changed');
    }
    throw notFound('calendar');
  }
}
