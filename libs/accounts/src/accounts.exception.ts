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
  /** Name, password or `disabled` of an account that is also in channels the caller does not run. */
  AccountWideForbidden = 'user.account_wide_forbidden',
  WeakPassword = 'user.weak_password',
  CurrentPasswordInvalid = 'user.current_password_invalid',
}

function kindOf(code: AccountsErrorCode): ErrorKind {
  switch (code) {
    case AccountsErrorCode.InvalidCredentials:
      return ErrorKind.Unauthenticated;
    case AccountsErrorCode.AccountDisabled:
    case AccountsErrorCode.AccountWideForbidden:
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
    case AccountsErrorCode.WeakPassword:
    case AccountsErrorCode.CurrentPasswordInvalid:
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
