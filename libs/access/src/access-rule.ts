import { type CustomDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Reflector } from '@nestjs/core';

import { type Permission } from './permission';

export const ACCESS_RULE = 'kcc:access-rule';

/** Who may call a route. Every route needs exactly one; routes without one answer 403. */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'operator' }
  | { kind: 'permission'; permission: Permission; channelParam?: string };

export interface RequirePermissionOptions {
  /**
   * Take the channel from this route parameter (e.g. `id` for `/channels/:id`) instead of the
   * `X-Channel-Id` header. A channel the user is not a member of then answers 404, not 403.
   */
  channelParam?: string;
}

/** Anyone, signed in or not (login, health). */
export const Public = (): CustomDecorator<string> =>
  SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever their channels (e.g. `/auth/me`). */
export const Authenticated = (): CustomDecorator<string> =>
  SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/**
 * A signed-in instance operator (`users.is_operator`), whatever their channel roles: for tools
 * that reach every channel at once, such as the queue board.
 */
export const RequireOperator = (): CustomDecorator<string> =>
  SetMetadata(ACCESS_RULE, { kind: 'operator' } satisfies AccessRule);

/**
 * A signed-in user whose role in the current channel grants `permission`. The current channel is
 * the `X-Channel-Id` header, or the user's only channel when they have exactly one.
 */
export const RequirePermission = (
  permission: Permission,
  options: RequirePermissionOptions = {},
): CustomDecorator<string> =>
  SetMetadata(ACCESS_RULE, {
    kind: 'permission',
    permission,
    ...(options.channelParam === undefined ? {} : { channelParam: options.channelParam }),
  } satisfies AccessRule);

/** The rule of the handler, else of its controller; undefined when neither has one. */
export function readAccessRule(
  reflector: Reflector,
  context: Pick<ExecutionContext, 'getHandler' | 'getClass'>,
): AccessRule | undefined {
  return reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
    context.getHandler(),
    context.getClass(),
  ]);
}
