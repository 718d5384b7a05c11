import { DomainException, ErrorKind } from './domain.exception';

/** A body parser as Fastify calls it: the raw bytes, then done(error) or done(null, value). */
type ParserDone = (error: Error | null, value?: unknown) => void;

function badBody(message: string, reason: string): DomainException {
  return new DomainException(ErrorKind.BadInput, 'bad_request', message, { body: reason });
}

/**
 * JSON bodies, parsed by `JSON.parse`: a `__proto__` key becomes an own property, never a
 * prototype, so the global pipe can refuse it by its path (`comment.__proto__`) instead of the
 * whole body being "not valid JSON".
 */
export function parseJsonBody(_request: unknown, body: Buffer, done: ParserDone): void {
  if (body.length === 0) {
    done(
      badBody('The body is empty but its content type is application/json', 'must not be empty'),
    );
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    done(badBody('The body is not valid JSON', 'must be valid JSON'));
    return;
  }
  done(null, value);
}
