// The friends list (contract 5.5): friends who use this app and agreed to `friends`.

import { type CallOptions, type KakaoRequester } from './kakao-requester';
import { type JsonObject } from './kakao-response';
import { type Friend, type FriendsPage, type FriendsQuery } from './kakao.types';
import { followPages, itemsOfPages } from './paging';
import { listOf, optionalText } from './response-readers';
import { paramsOfUrl } from './wire-encoding';

const PATH = '/v1/api/talk/friends';

export class FriendsApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 5.5 One page of friends. */
  async listFriends(
    accessToken: string,
    query?: FriendsQuery,
    call?: CallOptions,
  ): Promise<FriendsPage> {
    const params = {
      offset: query?.offset,
      limit: query?.limit,
      order: query?.order,
      friend_order: query?.friend_order,
    };
    return friendsPage(await this.requester.user(accessToken, 'GET', PATH, params, call));
  }

  /** 5.5 The page an `after_url` points to. */
  async listFriendsAfter(
    accessToken: string,
    afterUrl: string,
    call?: CallOptions,
  ): Promise<FriendsPage> {
    const params = paramsOfUrl(afterUrl);
    return friendsPage(await this.requester.user(accessToken, 'GET', PATH, params, call));
  }

  /** 5.5 Every friend, following `after_url`. */
  friends(
    accessToken: string,
    query?: FriendsQuery,
    call?: CallOptions,
  ): AsyncGenerator<Friend, void, undefined> {
    const pages = followPages(
      () => this.listFriends(accessToken, query, call),
      (url) => this.listFriendsAfter(accessToken, url, call),
    );
    return itemsOfPages(pages, (page) => page.elements);
  }
}

function friendsPage(body: JsonObject): FriendsPage {
  const page: FriendsPage = { elements: listOf(body.elements) };
  if (typeof body.total_count === 'number') {
    page.total_count = body.total_count;
  }
  if (typeof body.favorite_count === 'number') {
    page.favorite_count = body.favorite_count;
  }
  const before = optionalText(body.before_url);
  if (before !== undefined && before.length > 0) {
    page.before_url = before;
  }
  const after = optionalText(body.after_url);
  if (after !== undefined && after.length > 0) {
    page.after_url = after;
  }
  return page;
}
