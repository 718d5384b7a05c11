import type { UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxState } from '@app/kakao-sandbox/state/sandbox-state';

const NO_FRIENDS: ReadonlyMap<number, boolean> = new Map();

/** friend user id → favourite flag */
export function friendsOf(state: SandboxState, userId: number): ReadonlyMap<number, boolean> {
  return state.friendships.get(userId) ?? NO_FRIENDS;
}

/** Records a mutual friendship; `favorite` is how `user` marks `friend`. */
export function addFriendship(
  state: SandboxState,
  user: UserRecord,
  friend: UserRecord,
  favorite: boolean,
): void {
  const link = (from: number, to: number, mark: boolean | undefined): void => {
    let friends = state.friendships.get(from);
    if (!friends) {
      friends = new Map();
      state.friendships.set(from, friends);
    }
    friends.set(to, mark ?? friends.get(to) ?? false);
  };
  link(user.id, friend.id, favorite);
  link(friend.id, user.id, undefined);
}

/**
 * Whether `friend` shows up in `user`'s friends list (5.5): a friend who also uses the app, is
 * linked and agreed to `friends`; without the Social permission only team members take part.
 */
export function isVisibleFriend(
  state: SandboxState,
  user: UserRecord,
  friend: UserRecord,
  messagePermission: boolean,
): boolean {
  return (
    friendsOf(state, user.id).has(friend.id) &&
    friend.appId === user.appId &&
    friend.linked &&
    friend.scopes.includes('friends') &&
    (messagePermission || friend.teamMember)
  );
}
