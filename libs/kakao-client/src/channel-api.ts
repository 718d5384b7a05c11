// Kakao Talk Channel relationship (contract 5.6): whether a user added or blocked the app's
// channels, asked with the user's token or, for a given user id, with the admin key.

import { type AdminCallOptions, type CallOptions, type KakaoRequester } from './kakao-requester';
import { type JsonObject } from './kakao-response';
import { type ChannelRelations } from './kakao.types';
import { listOf } from './response-readers';

export interface ChannelRelationQuery {
  /** Channel profile ids (`_ZBlkG`); absent means every channel connected to the app. */
  channelPublicIds?: readonly string[];
}

const PATH = '/v2/api/talk/channels';

export class ChannelApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** 5.6 The calling user's relation to the app's channels (consent `plusfriends`). */
  async getChannelRelations(
    accessToken: string,
    query?: ChannelRelationQuery,
    call?: CallOptions,
  ): Promise<ChannelRelations> {
    const body = await this.requester.user(accessToken, 'GET', PATH, channelParams(query), call);
    return channelRelations(body);
  }

  /** 5.6 A given user's relation to the app's channels, asked with the admin key. */
  async getChannelRelationsOfUser(
    userId: number | string,
    query?: ChannelRelationQuery,
    options?: AdminCallOptions,
  ): Promise<ChannelRelations> {
    const params = { ...channelParams(query), target_id_type: 'user_id', target_id: userId };
    return channelRelations(await this.requester.admin('GET', PATH, params, options));
  }
}

function channelParams(
  query: ChannelRelationQuery | undefined,
): Record<string, string | undefined> {
  const ids = query?.channelPublicIds;
  if (ids === undefined || ids.length === 0) {
    return {};
  }
  return { channel_ids: ids.join(','), channel_id_type: 'channel_public_id' };
}

function channelRelations(body: JsonObject): ChannelRelations {
  const relations: ChannelRelations = { channels: listOf(body.channels) };
  if (typeof body.user_id === 'number') {
    relations.user_id = body.user_id;
  }
  return relations;
}
