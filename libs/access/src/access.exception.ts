import { assertNever, DomainException, ErrorKind } from '@app/common';

export enum AccessErrorCode {
  MissingToken = 'auth.missing_token',
  InvalidToken = 'auth.invalid_token',
  RouteNotGuarded = 'access.route_not_guarded',
  InvalidChannelHeader = 'access.invalid_channel_header',
  ChannelRequired = 'access.channel_required',
  NoChannel = 'access.no_channel',
  NotChannelMember = 'access.not_channel_member',
  ChannelNotFound = 'access.channel_not_found',
  PermissionDenied = 'access.permission_denied',
}

function kindOf(code: AccessErrorCode): ErrorKind {
  switch (code) {
    case AccessErrorCode.MissingToken:
    case AccessErrorCode.InvalidToken:
      return ErrorKind.Unauthenticated;
    case AccessErrorCode.InvalidChannelHeader:
    case AccessErrorCode.ChannelRequired:
      return ErrorKind.BadInput;
    case AccessErrorCode.RouteNotGuarded:
    case AccessErrorCode.NoChannel:
    case AccessErrorCode.NotChannelMember:
    case AccessErrorCode.PermissionDenied:
      return ErrorKind.Forbidden;
    case AccessErrorCode.ChannelNotFound:
      return ErrorKind.NotFound;
    default:
      return assertNever(code, 'Unknown access error code');
  }
}

export class AccessException extends DomainException {
  constructor(code: AccessErrorCode, message: string, errors?: Record<string, string>) {
    super(kindOf(code), code, message, errors);
  }
}
