import { assertNever, DomainException, ErrorKind } from '@app/common';

export enum ChannelsErrorCode {
  NotFound = 'channel.not_found',
  VersionConflict = 'channel.version_conflict',
  InvalidSettings = 'channel.invalid_settings',
}

function kindOf(code: ChannelsErrorCode): ErrorKind {
  switch (code) {
    case ChannelsErrorCode.NotFound:
      return ErrorKind.NotFound;
    case ChannelsErrorCode.VersionConflict:
      return ErrorKind.Conflict;
    case ChannelsErrorCode.InvalidSettings:
      return ErrorKind.BadInput;
    default:
      return assertNever(code, 'Unknown channels error code');
  }
}

export class ChannelsException extends DomainException {
  constructor(
    code: ChannelsErrorCode,
    message: string,
    extras: { errors?: Record<string, string>; details?: Record<string, unknown> } = {},
  ) {
    super(kindOf(code), code, message, extras.errors, extras.details);
  }
}
