import { PUBLIC_EVENTS_TOKEN } from '@app/kakao-sandbox/calendar/public-events.service';
import { parseRecurUpdateType } from '@app/kakao-sandbox/calendar/series-editor';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { parseEventCreate, parseEventPatch } from '@app/kakao-sandbox/validation/event-input';
import { parseEventPageQuery } from '@app/kakao-sandbox/validation/event-page-query';

const LIST_PATH = '/v2/api/calendar/public/events';

/** Public events of the app's channels (4.11–4.15) and following one (4.16). */
export function registerPublicEventRoutes(kit: RouteKit): void {
  const { gate, publicEvents, context } = kit.services;

  kit.post('/v2/api/calendar/public/create/event', (request, params) => {
    const { app } = gate.calendarAdmin(request.headers.authorization, true);
    const input = parseEventCreate(params.requiredJson('event'), { publicExtras: true });
    return publicEvents.create(app, params.optionalString('channel_public_id'), input);
  });

  kit.get(LIST_PATH, (request, params) => {
    const { app } = gate.calendarAdmin(request.headers.authorization, true);
    const query = parseEventPageQuery(params, PUBLIC_EVENTS_TOKEN, context.now());
    return publicEvents.list(app, query, { baseUrl: kit.baseUrl(request), path: LIST_PATH });
  });

  kit.get('/v2/api/calendar/public/event', (request, params) => {
    const { app } = gate.calendarAdmin(request.headers.authorization, true);
    return publicEvents.detail(
      app,
      params.requiredString('event_id'),
      params.optionalString('channel_public_id'),
    );
  });

  kit.post('/v2/api/calendar/public/update/event', (request, params) => {
    const { app } = gate.calendarAdmin(request.headers.authorization, true);
    const eventId = params.requiredString('event_id');
    const type = parseRecurUpdateType(params.optionalString('recur_update_type'));
    const patch = parseEventPatch(params.requiredJson('event'), { publicExtras: true });
    return publicEvents.update(
      app,
      eventId,
      params.optionalString('channel_public_id'),
      type,
      patch,
    );
  });

  kit.delete('/v2/api/calendar/public/delete/event', (request, params) => {
    const { app } = gate.calendarAdmin(request.headers.authorization, true);
    const eventId = params.requiredString('event_id');
    const type = parseRecurUpdateType(params.optionalString('recur_update_type'));
    return publicEvents.delete(app, eventId, params.optionalString('channel_public_id'), type);
  });

  kit.post('/v2/api/calendar/public/follow', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return publicEvents.follow(caller, params.requiredString('event_id'));
  });
}
