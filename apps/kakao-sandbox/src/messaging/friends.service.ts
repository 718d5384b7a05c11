import type { UserCaller } from '@app/kakao-sandbox/auth/auth.service';
import { friendsOf, isVisibleFriend } from '@app/kakao-sandbox/messaging/friendship';
import type { UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { profileImagesOf } from '@app/kakao-sandbox/users/users.service';

export const FRIEND_ORDERS = ['favorite', 'nickname', 'age'] as const;
export type FriendOrder = (typeof FRIEND_ORDERS)[number];
export type SortOrder = 'asc' | 'desc';

/** Friend of 5.5. */
export interface FriendWire {
  id: number;
  uuid: string;
  profile_nickname: string;
  profile_thumbnail_image: string;
  favorite: boolean;
  allowed_msg: boolean;
}

export interface FriendsQuery {
  offset: number;
  limit: number;
  order: SortOrder;
  friendOrder: FriendOrder;
}

export interface FriendsPage {
  elements: FriendWire[];
  total_count: number;
  favorite_count: number;
  before_url?: string;
  after_url?: string;
}

function compareNicknames(a: UserRecord, b: UserRecord): number {
  return a.nickname.localeCompare(b.nickname, 'ko') || a.id - b.id;
}

/** The caller's friends who use this app (5.5), paged by offset with before/after URLs. */
export class FriendsService {
  constructor(private readonly context: SandboxContext) {}

  list(
    caller: UserCaller,
    query: FriendsQuery,
    listUrl: { baseUrl: string; path: string },
  ): FriendsPage {
    const { state } = this.context;
    const { user, app } = caller;
    const friends: { record: UserRecord; favorite: boolean }[] = [];
    for (const [friendId, favorite] of friendsOf(state, user.id)) {
      const record = state.users.get(friendId);
      if (record && isVisibleFriend(state, user, record, app.messagePermission)) {
        friends.push({ record, favorite });
      }
    }
    friends.sort((a, b) => {
      if (query.friendOrder === 'favorite' && a.favorite !== b.favorite) {
        return a.favorite ? -1 : 1;
      }
      // The sandbox keeps no ages; `age` orders by account age (user id).
      return query.friendOrder === 'age'
        ? a.record.id - b.record.id
        : compareNicknames(a.record, b.record);
    });
    if (query.order === 'desc') {
      friends.reverse();
    }
    const elements = friends
      .slice(query.offset, query.offset + query.limit)
      .map(({ record, favorite }) => ({
        id: record.id,
        uuid: record.uuid,
        profile_nickname: record.nickname,
        // The friends consent item covers the friend's profile picture too (2.3).
        profile_thumbnail_image: profileImagesOf(record).thumbnail,
        favorite,
        allowed_msg: record.allowMessages,
      }));
    const page: FriendsPage = {
      elements,
      total_count: friends.length,
      favorite_count: friends.filter((f) => f.favorite).length,
    };
    const urlFor = (offset: number): string =>
      `${listUrl.baseUrl}${listUrl.path}?offset=${offset}&limit=${query.limit}&order=${query.order}&friend_order=${query.friendOrder}`;
    if (query.offset > 0) {
      page.before_url = urlFor(Math.max(0, query.offset - query.limit));
    }
    if (query.offset + query.limit < friends.length) {
      page.after_url = urlFor(query.offset + query.limit);
    }
    return page;
  }
}
