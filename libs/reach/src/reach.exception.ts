import { DomainException, ErrorKind } from '@app/common';

export enum ReachErrorCode {
  Invalid = 'reach.invalid',
  NotFound = 'reach.not_found',
}

const KIND: Record<ReachErrorCode, ErrorKind> = {
  [ReachErrorCode.Invalid]: ErrorKind.BadInput,
  [ReachErrorCode.NotFound]: ErrorKind.NotFound,
};

export class ReachException extends DomainException {
  constructor(code: ReachErrorCode, message: string, errors?: Record<string, string>) {
    super(KIND[code], code, message, errors);
  }
}
