import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';

/** Subscribable calendars (4.17), subscribe and unsubscribe (4.18, 4.19; POST or DELETE). */
export function registerSubscribeRoutes(kit: RouteKit): void {
  const { gate, subscriptions } = kit.services;

  kit.get('/v2/api/calendar/subscribable/calendars', (request, params) => {
    const { app } = gate.calendarAdmin(request.headers.authorization, true);
    return subscriptions.subscribable(app, params.optionalString('channel_public_id'));
  });

  kit.json(['POST', 'DELETE'], '/v2/api/calendar/subscribe', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return subscriptions.subscribeCaller(caller, params.requiredString('calendar_id'));
  });

  kit.json(['POST', 'DELETE'], '/v2/api/calendar/unsubscribe', (request, params) => {
    const caller = gate.calendarUser(request.headers.authorization, 'talkCalendar');
    return subscriptions.unsubscribeCaller(caller, params.requiredString('calendar_id'));
  });
}
