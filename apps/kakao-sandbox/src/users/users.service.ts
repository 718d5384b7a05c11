import { ALL_CONSENT_ITEMS, SCOPES, type Scope } from '@app/kakao-sandbox/auth/scopes';
import { calendarDataOf } from '@app/kakao-sandbox/calendar/user-calendars';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import {
  newAccessToken,
  newRefreshToken,
  newSubCalendarId,
  newUserUuid,
} from '@app/kakao-sandbox/state/ids';
import type {
  AccessTokenRecord,
  AppRecord,
  RefreshTokenRecord,
  UserRecord,
} from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { formatInstant } from '@app/kakao-sandbox/validation/datetime';

/** Lifetimes Kakao gives REST-issued tokens (2.7). */
export const ACCESS_TOKEN_TTL_S = 21599;
export const REFRESH_TOKEN_TTL_S = 5183999;
/** A refresh answer renews the refresh token only when under a month is left. */
export const REFRESH_RENEW_WINDOW_S = 30 * 24 * 60 * 60;

export interface NewUserInput {
  nickname?: string;
  scopes?: readonly Scope[];
  talkUser?: boolean;
  teamMember?: boolean;
  allowMessages?: boolean;
  /** Sub-calendars another service made for this user (they answer with `id` only). */
  otherServiceCalendars?: number;
}

export interface IssuedTokens {
  access: AccessTokenRecord;
  refresh: RefreshTokenRecord;
}

export interface UserMeWire {
  id: number;
  connected_at: string;
  properties?: Record<string, string>;
  kakao_account?: Record<string, unknown>;
}

/** Sandbox users and their tokens; the Kakao Login side of 2.6 and 2.7. */
export class UsersService {
  constructor(private readonly context: SandboxContext) {}

  createUser(app: AppRecord, input: NewUserInput): UserRecord {
    const { state } = this.context;
    const id = state.nextUserId;
    state.nextUserId += 1;
    const user: UserRecord = {
      id,
      appId: app.id,
      uuid: newUserUuid(),
      nickname: input.nickname ?? `user${id}`,
      scopes: input.scopes ?? SCOPES,
      talkUser: input.talkUser ?? true,
      teamMember: input.teamMember ?? false,
      allowMessages: input.allowMessages ?? true,
      linked: true,
      connectedAt: this.context.now(),
    };
    state.users.set(id, user);
    state.userIdByUuid.set(user.uuid, id);
    app.userIds.push(id);
    const foreign = input.otherServiceCalendars ?? 0;
    if (foreign > 0) {
      const data = calendarDataOf(state, id);
      for (let index = 1; index <= foreign; index += 1) {
        const calendarId = newSubCalendarId();
        data.subCalendars.set(calendarId, {
          id: calendarId,
          appId: 0,
          name: `other service calendar ${index}`,
          createdAt: user.connectedAt,
        });
      }
    }
    return user;
  }

  issueTokens(user: UserRecord, scopes: readonly Scope[] = user.scopes): IssuedTokens {
    return {
      access: this.issueAccessToken(user, scopes),
      refresh: this.issueRefreshToken(user, scopes),
    };
  }

  issueAccessToken(user: UserRecord, scopes: readonly Scope[]): AccessTokenRecord {
    const access: AccessTokenRecord = {
      userId: user.id,
      appId: user.appId,
      scopes,
      token: newAccessToken(),
      expiresAt: this.context.now() + ACCESS_TOKEN_TTL_S * 1000,
    };
    this.context.state.accessTokens.set(access.token, access);
    return access;
  }

  issueRefreshToken(user: UserRecord, scopes: readonly Scope[]): RefreshTokenRecord {
    const refresh: RefreshTokenRecord = {
      userId: user.id,
      appId: user.appId,
      scopes,
      token: newRefreshToken(),
      expiresAt: this.context.now() + REFRESH_TOKEN_TTL_S * 1000,
    };
    this.context.state.refreshTokens.set(refresh.token, refresh);
    return refresh;
  }

  /** Adds consent items the user just agreed to. */
  grantScopes(user: UserRecord, scopes: readonly Scope[]): void {
    user.scopes = ALL_CONSENT_ITEMS.filter(
      (scope) => user.scopes.includes(scope) || scopes.includes(scope),
    );
  }

  /** Unlink (2.7): the user leaves the app and every token of theirs stops working. */
  unlink(user: UserRecord): { id: number } {
    const { state } = this.context;
    user.linked = false;
    for (const [token, record] of state.accessTokens) {
      if (record.userId === user.id) {
        state.accessTokens.delete(token);
      }
    }
    for (const [token, record] of state.refreshTokens) {
      if (record.userId === user.id) {
        state.refreshTokens.delete(token);
      }
    }
    return { id: user.id };
  }

  expireAccessToken(token: string): boolean {
    const record = this.context.state.accessTokens.get(token);
    if (!record) {
      return false;
    }
    record.expiresAt = Math.min(record.expiresAt, this.context.now() - 1);
    return true;
  }

  tokenInfo(token: AccessTokenRecord): { id: number; expires_in: number; app_id: number } {
    const expiresIn = Math.max(0, Math.floor((token.expiresAt - this.context.now()) / 1000));
    return { id: token.userId, expires_in: expiresIn, app_id: token.appId };
  }

  /**
   * `/v2/user/me` (2.7), optionally narrowed by `property_keys` such as `properties.nickname`.
   * The nickname is always answered (every sandbox app treats it as agreed); the profile images
   * and the email only when `agreed` holds their consent items, as Kakao does. Image URLs are
   * https only when the caller sent `secure_resource=true` (Kakao's default is http).
   */
  me(
    user: UserRecord,
    agreed: readonly Scope[],
    propertyKeys: readonly string[] | undefined,
    secureResource = false,
  ): UserMeWire {
    const image = agreed.includes('profile_image')
      ? profileImagesOf(user, secureResource)
      : undefined;
    const properties: Record<string, string> = { nickname: user.nickname };
    const profile: Record<string, unknown> = { nickname: user.nickname };
    if (image) {
      properties.profile_image = image.profile;
      properties.thumbnail_image = image.thumbnail;
      profile.thumbnail_image_url = image.thumbnail;
      profile.profile_image_url = image.profile;
      profile.is_default_image = false;
    }
    const kakaoAccount: Record<string, unknown> = {
      profile_nickname_needs_agreement: false,
      profile_image_needs_agreement: image === undefined,
      profile,
      has_email: true,
      email_needs_agreement: !agreed.includes('account_email'),
    };
    if (agreed.includes('account_email')) {
      kakaoAccount.is_email_valid = true;
      kakaoAccount.is_email_verified = true;
      kakaoAccount.email = emailOf(user);
    }
    const wire: UserMeWire = { id: user.id, connected_at: formatInstant(user.connectedAt) };
    if (propertyKeys === undefined) {
      return { ...wire, properties, kakao_account: kakaoAccount };
    }
    for (const key of propertyKeys) {
      const [group, field] = key.split('.', 2);
      if (group === 'properties' && field !== undefined && field in properties) {
        wire.properties = { ...wire.properties, [field]: properties[field] };
      } else if (group === 'kakao_account' && field !== undefined && field in kakaoAccount) {
        wire.kakao_account = { ...wire.kakao_account, [field]: kakaoAccount[field] };
      }
    }
    return wire;
  }

  static parsePropertyKeys(raw: unknown): string[] | undefined {
    if (raw === undefined) {
      return undefined;
    }
    if (!Array.isArray(raw) || !raw.every((key) => typeof key === 'string')) {
      throw invalidParam('property_keys must be a JSON array of strings');
    }
    return raw;
  }
}

/** Made-up but stable profile images; the reserved `.invalid` domain marks them as such. */
export function profileImagesOf(
  user: UserRecord,
  secure = true,
): { profile: string; thumbnail: string } {
  const base = `${secure ? 'https' : 'http'}://img.sandbox-kakao.invalid/profile/${user.uuid}`;
  return { profile: `${base}/img_640x640.jpg`, thumbnail: `${base}/img_110x110.jpg` };
}

export function emailOf(user: UserRecord): string {
  return `user${user.id}@sandbox-kakao.invalid`;
}
