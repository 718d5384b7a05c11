// The facade the product uses: one object per Kakao API area over one shared transport.

import { CalendarApi } from './calendar-api';
import { ChannelApi } from './channel-api';
import { FriendsApi } from './friends-api';
import { HolidayApi } from './holiday-api';
import {
  type KakaoClientInit,
  type KakaoClientOptions,
  resolveKakaoClientOptions,
} from './kakao-client.options';
import { KakaoHttp } from './kakao-http';
import { KakaoRequester } from './kakao-requester';
import { MessageApi } from './message-api';
import { OAuthApi, type OAuthCallOptions } from './oauth-api';
import { PublicEventApi } from './public-event-api';
import { SubscribeApi } from './subscribe-api';
import { TaskApi } from './task-api';
import {
  type OnTokensRefreshed,
  type RefreshedTokens,
  refreshedTokens,
  type UserTokens,
  withUserToken,
} from './token-refresh';
import { UserApi } from './user-api';

export class KakaoClient {
  readonly options: Readonly<KakaoClientOptions>;
  /** User calendars and personal events (4.1–4.10). */
  readonly calendar: CalendarApi;
  /** Public events (4.11–4.16). */
  readonly publicEvents: PublicEventApi;
  /** Subscribe calendars (4.17–4.19). */
  readonly subscriptions: SubscribeApi;
  /** Holidays (4.20). */
  readonly holidays: HolidayApi;
  /** Tasks (4.21–4.26). */
  readonly tasks: TaskApi;
  /** Send to me / to friends (5.1–5.4). */
  readonly messages: MessageApi;
  /** Friends list (5.5). */
  readonly friends: FriendsApi;
  /** Channel relationship (5.6). */
  readonly channels: ChannelApi;
  /** User info, token info, unlink (2.6, 2.7). */
  readonly users: UserApi;
  /** Consent URL and tokens (2.7). */
  readonly oauth: OAuthApi;

  private readonly http: KakaoHttp;

  constructor(init?: KakaoClientInit) {
    this.options = Object.freeze(resolveKakaoClientOptions(init));
    this.http = new KakaoHttp(this.options);
    const requester = new KakaoRequester(this.http, this.options);
    this.calendar = new CalendarApi(requester);
    this.publicEvents = new PublicEventApi(requester);
    this.subscriptions = new SubscribeApi(requester);
    this.holidays = new HolidayApi(requester);
    this.tasks = new TaskApi(requester);
    this.messages = new MessageApi(requester);
    this.friends = new FriendsApi(requester);
    this.channels = new ChannelApi(requester);
    this.users = new UserApi(requester);
    this.oauth = new OAuthApi(requester);
  }

  /** Trades a refresh token for a new access token (and a rotated refresh token, if any). */
  async refreshAccessToken(
    refreshToken: string,
    options?: OAuthCallOptions,
  ): Promise<RefreshedTokens> {
    return refreshedTokens(
      await this.oauth.refreshAccessToken(refreshToken, options),
      refreshToken,
    );
  }

  /** Runs a user-token call, refreshing the token once on -401 (see token-refresh.ts). */
  withUserToken<T>(
    tokens: UserTokens,
    fn: (accessToken: string) => Promise<T>,
    onRefreshed?: OnTokensRefreshed,
    options?: OAuthCallOptions,
  ): Promise<T> {
    return withUserToken(this.oauth, tokens, fn, onRefreshed, options);
  }

  /** Closes the connection pools; in-flight calls finish first. */
  close(): Promise<void> {
    return this.http.close();
  }
}
