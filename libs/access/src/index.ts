export { AccessErrorCode, AccessException } from './access.exception';
export { AccessGuard } from './access.guard';
export { AccessModule } from './access.module';
export {
  ACCESS_RULE,
  Authenticated,
  Public,
  readAccessRule,
  RequireOperator,
  RequirePermission,
} from './access-rule';
export type { AccessRule, RequirePermissionOptions } from './access-rule';
export { CHANNEL_HEADER, channelFromHeader, channelFromRouteParam } from './channel-resolution';
export { requireInChannel } from './channel-scope';
export { clientIp } from './client-ip';
export { cookieValue } from './request-cookie';
export { Permission, ROLE_PERMISSIONS, roleHasPermission } from './permission';
export {
  ClientIp,
  CurrentChannel,
  CurrentSessionId,
  CurrentUser,
  RequestActor,
} from './request-access';
export type {
  AccessRequest,
  ChannelActor,
  CurrentChannelAccess,
  RequestAccess,
} from './request-access';
export { RouteAccessScanner } from './route-access.scanner';
export type { RouteAccess } from './route-access.scanner';
