import { isUUID } from 'class-validator';

import { type AuthenticatedUser } from '@app/accounts';

import { AccessErrorCode, AccessException } from './access.exception';
import { type CurrentChannelAccess } from './request-access';

export const CHANNEL_HEADER = 'x-channel-id';

function membership(user: AuthenticatedUser, channelId: string): CurrentChannelAccess | null {
  const access = user.channels.find((channel) => channel.channelId === channelId);
  return access ? { id: access.channelId, role: access.role } : null;
}

/**
 * The current channel from `X-Channel-Id`, or the user's only channel when the header is absent.
 * A channel the user is not a member of is 403: the header names the user's working context.
 */
export function channelFromHeader(
  user: AuthenticatedUser,
  header: string | string[] | undefined,
): CurrentChannelAccess {
  if (header === undefined || header === '') {
    const [only, ...others] = user.channels;
    if (!only) {
      throw new AccessException(
        AccessErrorCode.NoChannel,
        'You are not a member of any channel yet; ask an admin to add you to one',
      );
    }
    if (others.length > 0) {
      throw new AccessException(
        AccessErrorCode.ChannelRequired,
        'You belong to several channels: send the X-Channel-Id header to pick one',
        { 'X-Channel-Id': 'is required when you belong to several channels' },
      );
    }
    return { id: only.channelId, role: only.role };
  }
  if (typeof header !== 'string' || !isUUID(header)) {
    throw new AccessException(
      AccessErrorCode.InvalidChannelHeader,
      'X-Channel-Id must be one channel id (uuid)',
      { 'X-Channel-Id': 'must be a channel id (uuid)' },
    );
  }
  const access = membership(user, header);
  if (!access) {
    throw new AccessException(
      AccessErrorCode.NotChannelMember,
      'You are not a member of the channel in X-Channel-Id',
    );
  }
  return access;
}

/**
 * The channel named in the route (`/channels/:id`). Channels the user is not a member of answer
 * 404 like unknown ids, so ids of other channels reveal nothing.
 */
export function channelFromRouteParam(
  user: AuthenticatedUser,
  value: string | undefined,
): CurrentChannelAccess {
  const access = value === undefined ? null : membership(user, value);
  if (!access) {
    throw new AccessException(AccessErrorCode.ChannelNotFound, `Channel ${value ?? ''} not found`);
  }
  return access;
}
