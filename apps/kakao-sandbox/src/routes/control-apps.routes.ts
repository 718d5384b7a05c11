import {
  parseAppInput,
  parseBulkUsersInput,
  parseChannelRelationInput,
  parseFriendshipInput,
  parseScopes,
  parseUserInput,
  numericIdOf,
} from '@app/kakao-sandbox/control/control-input';
import { controlNotFound, invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { pathParam } from '@app/kakao-sandbox/http/path-params';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { asObject } from '@app/kakao-sandbox/validation/json-reader';

const LIST_LIMIT = { default: 100, max: 1000 } as const;

/** Control API: apps, users, tokens, friendships and other fixtures. */
export function registerControlAppRoutes(kit: RouteKit): void {
  const { appsAdmin, usersAdmin, users } = kit.services;
  const appOf = (id: string) => appsAdmin.find(numericIdOf(id));
  const userOf = (id: string) => usersAdmin.find(numericIdOf(id));

  kit.post('/__sandbox/apps', (request) => appsAdmin.create(parseAppInput(request.body)));

  kit.get('/__sandbox/apps', () => appsAdmin.list());

  kit.get('/__sandbox/apps/:app_id', (request) =>
    appsAdmin.get(numericIdOf(pathParam(request, 'app_id'))),
  );

  kit.post('/__sandbox/apps/:app_id/users', (request) =>
    usersAdmin.create(appOf(pathParam(request, 'app_id')), parseUserInput(request.body)),
  );

  kit.post('/__sandbox/apps/:app_id/users/bulk', (request) =>
    usersAdmin.createMany(appOf(pathParam(request, 'app_id')), parseBulkUsersInput(request.body)),
  );

  kit.get('/__sandbox/apps/:app_id/users', (request, params) => {
    const offset = params.optionalInteger('offset') ?? 0;
    const limit = params.optionalInteger('limit') ?? LIST_LIMIT.default;
    if (offset < 0 || limit < 1 || limit > LIST_LIMIT.max) {
      throw invalidParam(`offset must be >= 0 and limit between 1 and ${LIST_LIMIT.max}`);
    }
    return usersAdmin.list(appOf(pathParam(request, 'app_id')), offset, limit);
  });

  kit.post('/__sandbox/apps/:app_id/friendships', (request) =>
    usersAdmin.befriend(appOf(pathParam(request, 'app_id')), parseFriendshipInput(request.body)),
  );

  kit.post('/__sandbox/users/:user_id/tokens', (request) => {
    const body = asObject(request.body ?? {}, 'body');
    return usersAdmin.mintTokens(userOf(pathParam(request, 'user_id')), parseScopes(body, 'body'));
  });

  kit.post('/__sandbox/users/:user_id/channels', (request) => {
    const { channelPublicId, relation } = parseChannelRelationInput(request.body);
    return usersAdmin.setChannelRelation(
      userOf(pathParam(request, 'user_id')),
      channelPublicId,
      relation,
    );
  });

  kit.post('/__sandbox/tokens/:access_token/expire', (request) => {
    const token = pathParam(request, 'access_token');
    if (!users.expireAccessToken(token)) {
      throw controlNotFound('access token');
    }
    return { access_token: token, expired: true };
  });

  kit.post('/__sandbox/events/:event_id/guests', (request) => {
    const body = asObject(request.body ?? {}, 'body');
    return usersAdmin.invite(
      pathParam(request, 'event_id'),
      usersAdmin.find(numericIdOf(body.user_id)),
    );
  });

  kit.post('/__sandbox/subscribe-calendars/:calendar_id/events', (request) => {
    const body = asObject(request.body ?? {}, 'body');
    return appsAdmin.addSubscribeEvent(pathParam(request, 'calendar_id'), body.event);
  });
}
