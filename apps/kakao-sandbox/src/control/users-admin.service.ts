import type { Scope } from '@app/kakao-sandbox/auth/scopes';
import { resolveEventRef } from '@app/kakao-sandbox/calendar/event-store';
import { calendarDataOf } from '@app/kakao-sandbox/calendar/user-calendars';
import type {
  BulkUsersInput,
  FriendshipInput,
  UserInput,
} from '@app/kakao-sandbox/control/control-input';
import { controlNotFound, invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { addFriendship } from '@app/kakao-sandbox/messaging/friendship';
import type { AppRecord, ChannelRelation, UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { ACCESS_TOKEN_TTL_S, type UsersService } from '@app/kakao-sandbox/users/users.service';
import { formatInstant } from '@app/kakao-sandbox/validation/datetime';

export interface MintedUserWire {
  user_id: number;
  uuid: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export interface UserSummaryWire {
  user_id: number;
  uuid: string;
  nickname: string;
  scopes: readonly Scope[];
  talk_user: boolean;
  team_member: boolean;
  allowed_msg: boolean;
  linked: boolean;
}

/** Users, tokens, friendships and other per-user fixtures of the control API. */
export class UsersAdminService {
  constructor(
    private readonly context: SandboxContext,
    private readonly users: UsersService,
  ) {}

  create(app: AppRecord, input: UserInput): MintedUserWire {
    const user = this.users.createUser(app, input);
    return this.mint(user, user.scopes);
  }

  /** Many users at once (blast benchmarks): one pass, no per-user crypto calls. */
  createMany(app: AppRecord, input: BulkUsersInput): { users: MintedUserWire[] } {
    const first = this.context.state.nextUserId;
    const users: MintedUserWire[] = new Array<MintedUserWire>(input.count);
    for (let index = 0; index < input.count; index += 1) {
      const user = this.users.createUser(app, {
        nickname: `${input.nicknamePrefix}${first + index}`,
        scopes: input.scopes,
        talkUser: input.talkUser,
        teamMember: input.teamMember,
      });
      users[index] = this.mint(user, user.scopes);
    }
    return { users };
  }

  list(app: AppRecord, offset: number, limit: number): { total: number; users: UserSummaryWire[] } {
    const { state } = this.context;
    const users = app.userIds
      .slice(offset, offset + limit)
      .map((id) => state.users.get(id))
      .filter((user): user is UserRecord => user !== undefined)
      .map((user) => ({
        user_id: user.id,
        uuid: user.uuid,
        nickname: user.nickname,
        scopes: user.scopes,
        talk_user: user.talkUser,
        team_member: user.teamMember,
        allowed_msg: user.allowMessages,
        linked: user.linked,
      }));
    return { total: app.userIds.length, users };
  }

  find(userId: number | undefined): UserRecord {
    const user = userId === undefined ? undefined : this.context.state.users.get(userId);
    if (!user) {
      throw controlNotFound('user');
    }
    return user;
  }

  /** A fresh token pair for an existing user, narrowed to `scopes` when given. */
  mintTokens(user: UserRecord, scopes: Scope[] | undefined): MintedUserWire & { scope: string } {
    if (scopes !== undefined) {
      this.users.grantScopes(user, scopes);
    }
    user.linked = true;
    const granted = scopes ?? user.scopes;
    return { ...this.mint(user, granted), scope: granted.join(' ') };
  }

  befriend(
    app: AppRecord,
    input: FriendshipInput,
  ): { user_id: number; friend_user_id: number; favorite: boolean } {
    const user = this.find(input.userId);
    const friend = this.find(input.friendUserId);
    if (user.appId !== app.id || friend.appId !== app.id) {
      throw invalidParam('both users must belong to this app');
    }
    addFriendship(this.context.state, user, friend, input.favorite);
    return { user_id: user.id, friend_user_id: friend.id, favorite: input.favorite };
  }

  setChannelRelation(
    user: UserRecord,
    channelPublicId: string,
    relation: ChannelRelation,
  ): { user_id: number; channel_public_id: string; relation: ChannelRelation; updated_at: string } {
    if (!this.context.state.channels.has(channelPublicId)) {
      throw controlNotFound('channel');
    }
    const updatedAt = this.context.now();
    const { channelRelations } = this.context.state;
    let relations = channelRelations.get(user.id);
    if (!relations) {
      relations = new Map();
      channelRelations.set(user.id, relations);
    }
    relations.set(channelPublicId, { relation, updatedAt });
    return {
      user_id: user.id,
      channel_public_id: channelPublicId,
      relation,
      updated_at: formatInstant(updatedAt),
    };
  }

  /** Invites a user to a personal event so they can use the guest edit of 4.10. */
  invite(eventId: string, guest: UserRecord): { event_id: string; user_id: number } {
    const { state } = this.context;
    const event = resolveEventRef(state, eventId)?.event;
    if (!event || event.kind !== 'USER') {
      throw controlNotFound('personal event');
    }
    if (event.ownerUserId === guest.id) {
      throw invalidParam('the host cannot be a guest of their own event');
    }
    const owner = event.ownerUserId === undefined ? undefined : state.users.get(event.ownerUserId);
    if (owner && owner.appId !== guest.appId) {
      throw invalidParam('host and guest must belong to the same app');
    }
    const targets = [event, ...event.exceptionIds.map((id) => state.events.get(id))];
    for (const target of targets) {
      if (target && !target.guests.has(guest.id)) {
        target.guests.set(guest.id, { overrides: new Map() });
        calendarDataOf(state, guest.id).guestEventIds.add(target.id);
      }
    }
    return { event_id: event.id, user_id: guest.id };
  }

  private mint(user: UserRecord, scopes: readonly Scope[]): MintedUserWire {
    const { access, refresh } = this.users.issueTokens(user, scopes);
    return {
      user_id: user.id,
      uuid: user.uuid,
      access_token: access.token,
      refresh_token: refresh.token,
      expires_in: ACCESS_TOKEN_TTL_S,
    };
  }
}
