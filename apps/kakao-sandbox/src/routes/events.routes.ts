import { USER_EVENTS_TOKEN } from '@app/kakao-sandbox/calendar/events.service';
import { parseRecurUpdateType } from '@app/kakao-sandbox/calendar/series-editor';
import { PRIMARY_CALENDAR_ID } from '@app/kakao-sandbox/calendar/user-calendars';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { parseEventCreate, parseEventPatch } from '@app/kakao-sandbox/validation/event-input';
import { parseEventPageQuery } from '@app/kakao-sandbox/validation/event-page-query';

const LIST_PATH = '/v2/api/calendar/events';

/** Personal events (4.5–4.10). */
export function registerEventRoutes(kit: RouteKit): void {
  const { gate, events, context } = kit.services;

  kit.post('/v2/api/calendar/create/event', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    const calendarId = params.optionalString('calendar_id') ?? PRIMARY_CALENDAR_ID;
    const input = parseEventCreate(params.requiredJson('event'), { publicExtras: false });
    return events.create(caller, calendarId, input);
  });

  kit.get(LIST_PATH, (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    const query = parseEventPageQuery(params, USER_EVENTS_TOKEN, context.now());
    return events.list(caller, query, { baseUrl: kit.baseUrl(request), path: LIST_PATH });
  });

  kit.get('/v2/api/calendar/event', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return events.detail(caller, params.requiredString('event_id'));
  });

  kit.post('/v2/api/calendar/update/event/host', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    const eventId = params.requiredString('event_id');
    const type = parseRecurUpdateType(params.optionalString('recur_update_type'));
    const patch = parseEventPatch(params.requiredJson('event'), { publicExtras: false });
    return events.updateAsHost(caller, eventId, type, patch, params.optionalString('calendar_id'));
  });

  kit.delete('/v2/api/calendar/delete/event', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    const type = parseRecurUpdateType(params.optionalString('recur_update_type'));
    return events.deleteAsHost(caller, params.requiredString('event_id'), type);
  });

  kit.post('/v2/api/calendar/update/event/guest', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    const eventId = params.requiredString('event_id');
    const type = parseRecurUpdateType(params.optionalString('recur_update_type'));
    return events.updateAsGuest(caller, eventId, type, params.requiredJson('event'));
  });
}
