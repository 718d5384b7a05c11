import { DomainException, ErrorKind } from '@app/common';

export enum BlastErrorCode {
  NotFound = 'blast.not_found',
  RunNotFound = 'blast.run_not_found',
  Invalid = 'blast.invalid',
  VersionConflict = 'blast.version_conflict',
  WrongState = 'blast.wrong_state',
  TestSendFailed = 'blast.test_send_failed',
}

const KIND: Record<BlastErrorCode, ErrorKind> = {
  [BlastErrorCode.NotFound]: ErrorKind.NotFound,
  [BlastErrorCode.RunNotFound]: ErrorKind.NotFound,
  [BlastErrorCode.Invalid]: ErrorKind.BadInput,
  [BlastErrorCode.VersionConflict]: ErrorKind.Conflict,
  [BlastErrorCode.WrongState]: ErrorKind.Conflict,
  [BlastErrorCode.TestSendFailed]: ErrorKind.BadInput,
};

export class BlastException extends DomainException {
  constructor(
    code: BlastErrorCode,
    message: string,
    errors?: Record<string, string>,
    details?: Record<string, unknown>,
  ) {
    super(KIND[code], code, message, errors, details);
  }
}
