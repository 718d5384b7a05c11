/** What kind of failure a domain error is; the HTTP edge maps each kind to one status. */
export enum ErrorKind {
  BadInput = 'bad_input',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  TooManyRequests = 'too_many_requests',
  Unavailable = 'unavailable',
}

/**
 * Base of every domain error. Domain code throws these (never HTTP exceptions); `code` is a
 * stable machine-readable string such as `campaign.version_conflict`.
 */
export class DomainException extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly errors?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
