import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import {
  FRIEND_ORDERS,
  type FriendOrder,
  type FriendsQuery,
} from '@app/kakao-sandbox/messaging/friends.service';
import type { RequestParams } from '@app/kakao-sandbox/validation/params';

const LIST_PATH = '/v1/api/talk/friends';
const LIMIT = { min: 1, max: 100, default: 10 } as const;

function friendsQuery(params: RequestParams): FriendsQuery {
  const offset = params.optionalInteger('offset') ?? 0;
  if (offset < 0) {
    throw invalidParam('offset must not be negative');
  }
  const limit = params.optionalInteger('limit') ?? LIMIT.default;
  if (limit < LIMIT.min || limit > LIMIT.max) {
    throw invalidParam(`limit must be between ${LIMIT.min} and ${LIMIT.max}`);
  }
  const order = params.optionalString('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') {
    throw invalidParam('order must be asc or desc');
  }
  const friendOrder = params.optionalString('friend_order') ?? 'favorite';
  if (!(FRIEND_ORDERS as readonly string[]).includes(friendOrder)) {
    throw invalidParam(`friend_order must be one of ${FRIEND_ORDERS.join(', ')}`);
  }
  return { offset, limit, order, friendOrder: friendOrder as FriendOrder };
}

/** Friends list (5.5). */
export function registerFriendRoutes(kit: RouteKit): void {
  const { gate, friends } = kit.services;

  kit.get(LIST_PATH, (request, params) => {
    const caller = gate.friendsUser(request.headers.authorization);
    return friends.list(caller, friendsQuery(params), {
      baseUrl: kit.baseUrl(request),
      path: LIST_PATH,
    });
  });
}
