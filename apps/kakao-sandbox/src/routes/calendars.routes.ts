import {
  CALENDAR_FILTERS,
  type CalendarFilter,
} from '@app/kakao-sandbox/calendar/calendars.service';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { parseCalendarFields } from '@app/kakao-sandbox/validation/calendar-input';

/** `filter` of 4.1: one value or several separated by a comma (`USER,SUBSCRIBE`); default `ALL`. */
function parseCalendarFilter(raw: string | undefined): ReadonlySet<CalendarFilter> {
  if (raw === undefined || raw.trim() === '') {
    return new Set(['ALL']);
  }
  const filters = new Set<CalendarFilter>();
  for (const item of raw.split(',')) {
    const value = item.trim();
    if (!(CALENDAR_FILTERS as readonly string[]).includes(value)) {
      throw invalidParam(
        `filter must be one or more of ${CALENDAR_FILTERS.join(', ')}, separated by a comma`,
      );
    }
    filters.add(value as CalendarFilter);
  }
  return filters;
}

/** User calendars (4.1–4.4). */
export function registerCalendarRoutes(kit: RouteKit): void {
  const { gate, calendars } = kit.services;

  kit.get('/v2/api/calendar/calendars', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return calendars.list(caller, parseCalendarFilter(params.optionalString('filter')));
  });

  kit.post('/v2/api/calendar/create/calendar', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return calendars.create(caller, parseCalendarFields(params));
  });

  kit.post('/v2/api/calendar/update/calendar', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return calendars.update(
      caller,
      params.requiredString('calendar_id'),
      parseCalendarFields(params),
    );
  });

  kit.delete('/v2/api/calendar/delete/calendar', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return calendars.delete(caller, params.requiredString('calendar_id'));
  });
}
