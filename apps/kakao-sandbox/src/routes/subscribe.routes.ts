import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';

/** Subscribable calendars (4.17), subscribe (4.18, POST only) and unsubscribe (4.19, DELETE only). */
export function registerSubscribeRoutes(kit: RouteKit): void {
  const { gate, subscriptions } = kit.services;

  kit.get('/v2/api/calendar/subscribable/calendars', (request, params) => {
    const { app } = gate.calendarAdmin(request.headers.authorization, true);
    return subscriptions.subscribable(app, params.optionalString('channel_public_id'));
  });

  kit.post('/v2/api/calendar/subscribe', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return subscriptions.subscribeCaller(caller, params.requiredString('calendar_id'));
  });

  kit.delete('/v2/api/calendar/unsubscribe', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return subscriptions.unsubscribeCaller(caller, params.requiredString('calendar_id'));
  });
}
