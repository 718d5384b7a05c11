import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';

import { DomainException } from './domain.exception';
import { type ErrorEnvelope, statusForKind } from './error-envelope';

interface ReplyLike {
  status(code: number): ReplyLike;
  send(body: unknown): unknown;
  header(name: string, value: string): ReplyLike;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** Turns anything thrown in a request into the envelope; unknown errors become a logged 500. */
export function toErrorEnvelope(error: unknown, logger?: Logger): ErrorEnvelope {
  if (error instanceof DomainException) {
    return {
      statusCode: statusForKind(error.kind),
      code: error.code,
      message: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    const body: Partial<ErrorEnvelope> =
      typeof response === 'object' && response !== null ? response : {};
    return {
      statusCode,
      code: typeof body.code === 'string' ? body.code : (CODE_BY_STATUS[statusCode] ?? 'error'),
      message: typeof body.message === 'string' ? body.message : error.message,
      ...(body.errors ? { errors: body.errors } : {}),
    };
  }
  // Fastify's own errors (bad JSON body, body too large) carry a statusCode.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      statusCode: status,
      code: CODE_BY_STATUS[status] ?? 'bad_request',
      message: error instanceof Error ? error.message : 'Bad request',
    };
  }
  logger?.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { statusCode: 500, code: 'internal_error', message: 'Internal server error' };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const envelope = toErrorEnvelope(error, this.logger);
    reply.status(envelope.statusCode).header('content-type', 'application/json').send(envelope);
  }
}
