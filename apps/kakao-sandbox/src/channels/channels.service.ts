import { invalidParam, KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import type { AppRecord, ChannelRelation, UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { formatInstant } from '@app/kakao-sandbox/validation/datetime';

export interface ChannelRelationWire {
  channel_uuid: string;
  channel_public_id: string;
  relation: ChannelRelation;
  updated_at?: string;
}

/** Whether a user added or blocked the app's channels (5.6). */
export class ChannelsService {
  constructor(private readonly context: SandboxContext) {}

  relations(
    app: AppRecord,
    user: UserRecord,
    channelIds: readonly string[] | undefined,
  ): { user_id: number; channels: ChannelRelationWire[] } {
    const { state } = this.context;
    const ids = channelIds ?? app.channelPublicIds;
    const channels = ids.map((publicId) => {
      const channel = state.channels.get(publicId);
      if (!channel) {
        throw new KakaoError(400, -541, `channel does not exist: ${publicId}`);
      }
      if (channel.sanctioned) {
        throw new KakaoError(400, -544, `channel is sanctioned: ${publicId}`);
      }
      if (!app.channelPublicIds.includes(publicId)) {
        throw new KakaoError(400, -819, `channel is not connected to the app: ${publicId}`);
      }
      const relation = state.channelRelations.get(user.id)?.get(publicId);
      const wire: ChannelRelationWire = {
        channel_uuid: channel.uuid,
        channel_public_id: channel.publicId,
        relation: relation?.relation ?? 'NONE',
      };
      if (relation) {
        wire.updated_at = formatInstant(relation.updatedAt);
      }
      return wire;
    });
    return { user_id: user.id, channels };
  }

  /** Parses `channel_ids` (comma-separated) and `channel_id_type`. */
  static parseChannelIds(
    channelIds: string | undefined,
    idType: string | undefined,
  ): string[] | undefined {
    if (idType !== undefined && idType !== 'channel_public_id') {
      throw invalidParam('channel_id_type must be channel_public_id');
    }
    if (channelIds === undefined) {
      return undefined;
    }
    const ids = channelIds
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (ids.length === 0) {
      throw invalidParam('channel_ids is empty');
    }
    return ids;
  }
}
