import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';

import { type AuthenticatedUser, type Role } from '@app/accounts';
import { type AuditActor } from '@app/audit';

import { clientIp } from './client-ip';

/** The channel a `@RequirePermission` route acts in, and the caller's role there. */
export interface CurrentChannelAccess {
  id: string;
  role: Role;
}

/** What the access guard learned about the caller; put on the request for the handlers. */
export interface RequestAccess {
  user: AuthenticatedUser;
  sessionId: string;
  /** Set on `@RequirePermission` routes; null on `@Authenticated` ones. */
  channel: CurrentChannelAccess | null;
  ip: string | null;
}

export type AccessRequest = FastifyRequest & { access?: RequestAccess };

function accessOf(context: ExecutionContext): RequestAccess {
  const access = context.switchToHttp().getRequest<AccessRequest>().access;
  if (!access) {
    throw new Error(
      'No signed-in user on this request: the route must be @Authenticated or @RequirePermission',
    );
  }
  return access;
}

/** The signed-in user (`@Authenticated` and `@RequirePermission` routes). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => accessOf(context).user,
);

/** The current session's id (for logout). */
export const CurrentSessionId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => accessOf(context).sessionId,
);

/** `{ id, role }` of the current channel (`@RequirePermission` routes only). */
export const CurrentChannel = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CurrentChannelAccess => {
    const { channel } = accessOf(context);
    if (!channel) {
      throw new Error('@CurrentChannel() needs a @RequirePermission route');
    }
    return channel;
  },
);

/** The caller acting in the current channel; an `AuditActor` whose channel is always set. */
export interface ChannelActor extends AuditActor {
  userId: string;
  email: string;
  channelId: string;
}

/**
 * `{ userId, email, channelId, ip }` of the caller in the current channel, ready for
 * `AuditService.record` (`@RequirePermission` routes only).
 */
export const RequestActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ChannelActor => {
    const { user, channel, ip } = accessOf(context);
    if (!channel) {
      throw new Error('@RequestActor() needs a @RequirePermission route');
    }
    return { userId: user.id, email: user.email, channelId: channel.id, ip };
  },
);

/** The caller's IP on any route, public ones included (login throttling, sessions). */
export const ClientIp = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | null =>
    clientIp(context.switchToHttp().getRequest<AccessRequest>()),
);
