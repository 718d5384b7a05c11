// User information and token information (contract 2.6, 2.7).

import { type AdminCallOptions, type CallOptions, type KakaoRequester } from './kakao-requester';
import { type JsonObject } from './kakao-response';
import { type AccessTokenInfo, type KakaoUser, type UnlinkResult } from './kakao.types';

export interface UserInfoQuery {
  /** e.g. `['kakao_account.profile', 'properties.nickname']`. */
  propertyKeys?: readonly string[];
  /** Ask for https image URLs. */
  secureResource?: boolean;
}

const PATH = {
  me: '/v2/user/me',
  tokenInfo: '/v1/user/access_token_info',
  unlink: '/v1/user/unlink',
} as const;

export class UserApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** The token's user. */
  async getMe(accessToken: string, query?: UserInfoQuery, call?: CallOptions): Promise<KakaoUser> {
    const body = await this.requester.user(accessToken, 'GET', PATH.me, userParams(query), call);
    return body as unknown as KakaoUser;
  }

  /** A user of the app by id, asked with the admin key. */
  async getUser(
    userId: number | string,
    query?: UserInfoQuery,
    options?: AdminCallOptions,
  ): Promise<KakaoUser> {
    const params = { ...userParams(query), target_id_type: 'user_id', target_id: userId };
    const body = await this.requester.admin('GET', PATH.me, params, options);
    return body as unknown as KakaoUser;
  }

  /** Which user and app a token belongs to and how long it still lives (seconds). */
  async getAccessTokenInfo(accessToken: string, call?: CallOptions): Promise<AccessTokenInfo> {
    return (await this.requester.user(
      accessToken,
      'GET',
      PATH.tokenInfo,
      undefined,
      call,
    )) as unknown as AccessTokenInfo;
  }

  /** Unlinks the token's user from the app; the user's tokens stop working. */
  async unlink(accessToken: string, call?: CallOptions): Promise<UnlinkResult> {
    return unlinkResult(await this.requester.user(accessToken, 'POST', PATH.unlink, {}, call));
  }

  /** Unlinks a user by id, with the admin key. */
  async unlinkUser(userId: number | string, options?: AdminCallOptions): Promise<UnlinkResult> {
    const params = { target_id_type: 'user_id', target_id: userId };
    return unlinkResult(await this.requester.admin('POST', PATH.unlink, params, options));
  }
}

function userParams(
  query: UserInfoQuery | undefined,
): Record<string, string | boolean | undefined> {
  return {
    property_keys:
      query?.propertyKeys === undefined ? undefined : JSON.stringify(query.propertyKeys),
    secure_resource: query?.secureResource,
  };
}

function unlinkResult(body: JsonObject): UnlinkResult {
  return { id: typeof body.id === 'number' ? body.id : Number(body.id) };
}
