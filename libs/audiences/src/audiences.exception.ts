import { DomainException, ErrorKind } from '@app/common';

export enum AudiencesErrorCode {
  NotFound = 'audience.not_found',
  Invalid = 'audience.invalid',
  VersionConflict = 'audience.version_conflict',
  InUse = 'audience.in_use',
  NotStatic = 'audience.not_static',
  NameTaken = 'audience.name_taken',
}

const KIND: Record<AudiencesErrorCode, ErrorKind> = {
  [AudiencesErrorCode.NotFound]: ErrorKind.NotFound,
  [AudiencesErrorCode.Invalid]: ErrorKind.BadInput,
  [AudiencesErrorCode.VersionConflict]: ErrorKind.Conflict,
  [AudiencesErrorCode.InUse]: ErrorKind.Conflict,
  [AudiencesErrorCode.NotStatic]: ErrorKind.Conflict,
  [AudiencesErrorCode.NameTaken]: ErrorKind.Conflict,
};

export class AudiencesException extends DomainException {
  constructor(
    code: AudiencesErrorCode,
    message: string,
    errors?: Record<string, string>,
    details?: Record<string, unknown>,
  ) {
    super(KIND[code], code, message, errors, details);
  }
}

export function audienceNotFound(id: string): AudiencesException {
  return new AudiencesException(AudiencesErrorCode.NotFound, `Audience ${id} not found`);
}

export function invalidRules(errors: Record<string, string>): AudiencesException {
  const fields = Object.keys(errors);
  return new AudiencesException(
    AudiencesErrorCode.Invalid,
    `Invalid audience: ${fields.map((field) => `${field} (${errors[field]})`).join(', ')}`,
    errors,
  );
}
