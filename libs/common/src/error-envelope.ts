import { assertNever } from './assert-never';
import { ErrorKind } from './domain.exception';

/** The one error body every API route answers with; `errors` is what react-admin shows per input. */
export interface ErrorEnvelope {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  details?: Record<string, unknown>;
}

export function statusForKind(kind: ErrorKind): number {
  switch (kind) {
    case ErrorKind.BadInput:
      return 400;
    case ErrorKind.Unauthenticated:
      return 401;
    case ErrorKind.Forbidden:
      return 403;
    case ErrorKind.NotFound:
      return 404;
    case ErrorKind.Conflict:
      return 409;
    case ErrorKind.TooManyRequests:
      return 429;
    case ErrorKind.Unavailable:
      return 503;
    default:
      return assertNever(kind, 'Unknown error kind');
  }
}
