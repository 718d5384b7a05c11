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
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

// Fastify's own refusals, with the part of the request they concern and what is wrong with it
// (its wording repeats the whole URL back).
const FASTIFY_FIELD_ERRORS: Record<string, { field: string; reason: string; message: string }> = {
  FST_ERR_BAD_URL: {
    field: 'url',
    reason: 'has a broken percent-encoding',
    message: 'The URL is not valid: it has a broken percent-encoding',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    field: 'url',
    reason: 'has a path parameter that is too long',
    message: 'A path parameter is too long',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    field: 'body',
    reason: 'must be valid JSON',
    message: 'The body is not valid JSON (keys __proto__ and constructor.prototype are refused)',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    field: 'body',
    reason: 'must not be empty',
    message: 'The body is empty but its content type is application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    field: 'body',
    reason: 'is too large',
    message: 'The body is too large',
  },
};

function fastifyFieldError(
  error: unknown,
): { field: string; reason: string; message: string } | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? FASTIFY_FIELD_ERRORS[code] : undefined;
}

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
  // Nest hands Fastify's refusals on as HttpExceptions caused by them; the cause says which.
  const fastifyRefusal = fastifyFieldError(error instanceof HttpException ? error.cause : error);
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    if (fastifyRefusal) {
      return {
        statusCode,
        code: CODE_BY_STATUS[statusCode] ?? 'bad_request',
        message: fastifyRefusal.message,
        errors: { [fastifyRefusal.field]: fastifyRefusal.reason },
      };
    }
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
  // Fastify's own errors (bad URL, bad JSON body, body too large) carry a statusCode.
  const { statusCode: status } = error as { statusCode?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      statusCode: status,
      code: CODE_BY_STATUS[status] ?? 'bad_request',
      message: fastifyRefusal?.message ?? (error instanceof Error ? error.message : 'Bad request'),
      ...(fastifyRefusal ? { errors: { [fastifyRefusal.field]: fastifyRefusal.reason } } : {}),
    };
  }
  logger?.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { statusCode: 500, code: 'internal_error', message: 'Internal server error' };
}

/** Turns an error of another layer (e.g. a client library) into a domain error, if it knows it. */
export type ErrorTranslator = (error: unknown) => DomainException | undefined;

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly translators: readonly ErrorTranslator[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const translated = this.translators.reduce<DomainException | undefined>(
      (found, translate) => found ?? translate(error),
      undefined,
    );
    const envelope = toErrorEnvelope(translated ?? error, this.logger);
    // A 429 that knows its wait says it in the standard header too, not only in the body.
    const retryAfter =
      envelope.statusCode === 429 ? envelope.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') {
      reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
    }
    reply.status(envelope.statusCode).header('content-type', 'application/json').send(envelope);
  }
}
