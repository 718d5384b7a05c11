import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { AuthService } from '@app/accounts';
import { assertNever } from '@app/common';

import { readAccessRule } from './access-rule';
import { AccessErrorCode, AccessException } from './access.exception';
import { readBearerToken } from './bearer-token';
import { CHANNEL_HEADER, channelFromHeader, channelFromRouteParam } from './channel-resolution';
import { clientIp } from './client-ip';
import { roleHasPermission } from './permission';
import { type AccessRequest, type CurrentChannelAccess } from './request-access';

/**
 * The global guard, deny by default: a route opens only through `@Public()`, `@Authenticated()`,
 * `@RequireOperator()` or `@RequirePermission()`. A route with none answers 403 and is logged
 * as a bug.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const rule = readAccessRule(this.reflector, context);
    if (!rule) {
      this.logger.error(
        `${request.method} ${request.routeOptions.url ?? request.url} has no access rule ` +
          `(${context.getClass().name}.${context.getHandler().name}); answering 403`,
      );
      throw new AccessException(AccessErrorCode.RouteNotGuarded, 'This route is closed');
    }
    if (rule.kind === 'public') {
      return true;
    }
    const authorization = request.headers.authorization;
    const token = readBearerToken(authorization);
    const authentication = token === null ? null : await this.auth.authenticate(token);
    if (!authentication) {
      throw authorization === undefined
        ? new AccessException(
            AccessErrorCode.MissingToken,
            'Sign in first: send Authorization: Bearer <token>',
          )
        : new AccessException(
            AccessErrorCode.InvalidToken,
            'Your session is invalid or has ended; sign in again',
          );
    }
    const { user, sessionId } = authentication;
    let channel: CurrentChannelAccess | null = null;
    switch (rule.kind) {
      case 'authenticated':
        break;
      case 'operator':
        if (!user.isOperator) {
          throw new AccessException(
            AccessErrorCode.PermissionDenied,
            "Only the console's operators may do this; channel roles do not grant it",
          );
        }
        break;
      case 'permission': {
        channel =
          rule.channelParam === undefined
            ? channelFromHeader(user, request.headers[CHANNEL_HEADER])
            : channelFromRouteParam(user, routeParam(request, rule.channelParam));
        if (!roleHasPermission(channel.role, rule.permission)) {
          throw new AccessException(
            AccessErrorCode.PermissionDenied,
            `Your role in this channel (${channel.role}) does not allow ${rule.permission}`,
          );
        }
        break;
      }
      default:
        return assertNever(rule, 'Unknown access rule');
    }
    request.access = { user, sessionId, channel, ip: clientIp(request) };
    return true;
  }
}

function routeParam(request: AccessRequest, name: string): string | undefined {
  const params = request.params as Record<string, string | undefined> | undefined;
  return params?.[name];
}
