import { DomainException, ErrorKind } from '@app/common';

export enum RecipientsErrorCode {
  NotFound = 'recipient.not_found',
  VersionConflict = 'recipient.version_conflict',
  Invalid = 'recipient.invalid',
  IngestInvalid = 'recipient.ingest_invalid',
  IngestKeyInvalid = 'recipient.ingest_key_invalid',
  IngestKeyNotFound = 'recipient.ingest_key_not_found',
  ImportNotFound = 'recipient.import_not_found',
  ImportInvalid = 'recipient.import_invalid',
}

const KIND: Record<RecipientsErrorCode, ErrorKind> = {
  [RecipientsErrorCode.NotFound]: ErrorKind.NotFound,
  [RecipientsErrorCode.VersionConflict]: ErrorKind.Conflict,
  [RecipientsErrorCode.Invalid]: ErrorKind.BadInput,
  [RecipientsErrorCode.IngestInvalid]: ErrorKind.BadInput,
  [RecipientsErrorCode.IngestKeyInvalid]: ErrorKind.Unauthenticated,
  [RecipientsErrorCode.IngestKeyNotFound]: ErrorKind.NotFound,
  [RecipientsErrorCode.ImportNotFound]: ErrorKind.NotFound,
  [RecipientsErrorCode.ImportInvalid]: ErrorKind.BadInput,
};

export class RecipientsException extends DomainException {
  constructor(
    code: RecipientsErrorCode,
    message: string,
    errors?: Record<string, string>,
    details?: Record<string, unknown>,
  ) {
    super(KIND[code], code, message, errors, details);
  }
}

export function recipientNotFound(id: string): RecipientsException {
  return new RecipientsException(RecipientsErrorCode.NotFound, `Recipient ${id} not found`);
}
