import { ChannelsService } from '@app/kakao-sandbox/channels/channels.service';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';

/** Kakao Talk Channel relationship (5.6): Bearer, or KakaoAK with a target user. */
export function registerChannelRoutes(kit: RouteKit): void {
  const { auth, channels } = kit.services;

  kit.get('/v2/api/talk/channels', (request, params) => {
    const { app, user } = auth.targetedUser(request.headers.authorization, params, 'talkChannel');
    const ids = ChannelsService.parseChannelIds(
      params.optionalString('channel_ids'),
      params.optionalString('channel_id_type'),
    );
    return channels.relations(app, user, ids);
  });
}
