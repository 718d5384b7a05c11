import { KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import { OAuthError } from '@app/kakao-sandbox/errors/oauth-error';

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Errors Fastify raises before routing (a malformed URL, a bad content type). */
export function frameworkErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  void reply.code(400).send({ msg: `invalid request: ${error.message}`, code: -2 });
}

const CLIENT_ERROR_BODY = JSON.stringify({ msg: 'malformed HTTP request', code: -2 });
const CLIENT_ERROR_RESPONSE =
  'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json;charset=UTF-8\r\n' +
  `Content-Length: ${Buffer.byteLength(CLIENT_ERROR_BODY)}\r\nConnection: close\r\n\r\n${CLIENT_ERROR_BODY}`;

/** Requests Node's HTTP parser rejects still get a Kakao-shaped answer. */
export function clientErrorHandler(_error: Error, socket: Duplex): void {
  if (socket.writable) {
    socket.end(CLIENT_ERROR_RESPONSE);
  } else {
    socket.destroy();
  }
}

/** Unknown paths answer in Kakao's error shape, never a framework page. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send({ msg: `not found: ${pathOf(request.url)}`, code: -2 });
}

/**
 * Every failure becomes `{msg, code}` (or the OAuth shape on kauth paths): the sandbox's own
 * errors as they are, framework 4xx (bad body, unsupported media type, …) as `-2`, and anything
 * unexpected as `-1`, which Kakao documents as a retryable HTTP 400. Never a stack trace.
 */
export function createErrorHandler(log: (error: unknown) => void) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    if (error instanceof KakaoError) {
      void reply.code(error.status).send(error.toBody());
      return;
    }
    if (error instanceof OAuthError) {
      void reply.code(error.status).send(error.toBody());
      return;
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      void reply.code(400).send({ msg: `invalid request: ${error.message}`, code: -2 });
      return;
    }
    log(error);
    void reply.code(400).send({ msg: 'internal error', code: -1 });
  };
}
