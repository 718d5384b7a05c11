import { assertNever, DomainException, ErrorKind } from '@app/common';

export enum AccountsErrorCode {
  InvalidCredentials = 'auth.invalid_credentials',
  AccountDisabled = 'auth.account_disabled',
  TooManyAttempts = 'auth.too_many_attempts',
  UserNotFound = 'user.not_found',
  EmailTaken = 'user.email_taken',
  VersionConflict = 'user.version_conflict',
  InvalidMemberships = 'user.invalid_memberships',
  SelfLockout = 'user.self_lockout',
}

function kindOf(code: AccountsErrorCode): ErrorKind {
  switch (code) {
    case AccountsErrorCode.InvalidCredentials:
      return ErrorKind.Unauthenticated;
    case AccountsErrorCode.AccountDisabled:
      return ErrorKind.Forbidden;
    case AccountsErrorCode.TooManyAttempts:
      return ErrorKind.TooManyRequests;
    case AccountsErrorCode.UserNotFound:
      return ErrorKind.NotFound;
    case AccountsErrorCode.EmailTaken:
    case AccountsErrorCode.VersionConflict:
      return ErrorKind.Conflict;
    case AccountsErrorCode.InvalidMemberships:
    case AccountsErrorCode.SelfLockout:
      return ErrorKind.BadInput;
    default:
      return assertNever(code, 'Unknown accounts error code');
  }
}

export class AccountsException extends DomainException {
  constructor(
    code: AccountsErrorCode,
    message: string,
    extras: { errors?: Record<string, string>; details?: Record<string, unknown> } = {},
  ) {
    super(kindOf(code), code, message, extras.errors, extras.details);
  }
}
