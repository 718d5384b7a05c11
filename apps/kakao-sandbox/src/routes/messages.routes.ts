import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { parseReceiverUuids } from '@app/kakao-sandbox/messaging/receiver-uuids';

/** Send to me (5.1) and send to friends (5.2). */
export function registerMessageRoutes(kit: RouteKit): void {
  const { gate, messages } = kit.services;

  kit.post('/v2/api/talk/memo/default/send', (request, params) => {
    const caller = gate.messageUser(request.headers.authorization, false);
    return messages.sendToMe(caller, params.rawValue('template_object'));
  });

  kit.post('/v1/api/talk/friends/message/default/send', (request, params) => {
    const caller = gate.messageUser(request.headers.authorization, true);
    const uuids = parseReceiverUuids(params.rawValue('receiver_uuids'));
    return messages.sendToFriends(caller, uuids, params.rawValue('template_object'));
  });
}
