import { HttpException } from '@nestjs/common';

import { toErrorEnvelope } from './http-exception.filter';

/** An error shaped like Fastify's own (FastifyError: code, statusCode, message). */
function fastifyError(code: string, statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { code, statusCode });
}

describe("toErrorEnvelope for Fastify's own errors", () => {
  it.each([
    [
      'FST_ERR_BAD_URL',
      400,
      'bad_request',
      'The URL is not valid: it has a broken percent-encoding',
      'has a broken percent-encoding',
    ],
    [
      'FST_ERR_MAX_PARAM_LENGTH',
      414,
      'uri_too_long',
      'A path parameter is too long',
      'has a path parameter that is too long',
    ],
  ])(
    'answers %s naming the url, without repeating it',
    (code, status, envelopeCode, message, reason) => {
      const url = `/api/campaigns/${'a'.repeat(500)}`;
      expect(toErrorEnvelope(fastifyError(code, status, `'${url}' is not valid`))).toEqual({
        statusCode: status,
        code: envelopeCode,
        message,
        errors: { url: reason },
      });
    },
  );

  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'bad_request', 'must be valid JSON'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'bad_request', 'must not be empty'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'payload_too_large', 'is too large'],
  ])('answers %s in the envelope naming the body', (code, status, envelopeCode, reason) => {
    expect(toErrorEnvelope(fastifyError(code, status, 'what Fastify says'))).toMatchObject({
      statusCode: status,
      code: envelopeCode,
      errors: { body: reason },
    });
  });

  it('reads the refusal Nest wraps in an HttpException', () => {
    const wrapped = new HttpException('Body is not valid JSON', 400, {
      cause: fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400, 'Body is not valid JSON'),
    });
    expect(toErrorEnvelope(wrapped)).toMatchObject({
      statusCode: 400,
      errors: { body: 'must be valid JSON' },
    });
  });

  it('answers other Fastify refusals in the envelope with their own message', () => {
    expect(
      toErrorEnvelope(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'what Fastify says')),
    ).toEqual({
      statusCode: 415,
      code: 'unsupported_media_type',
      message: 'what Fastify says',
    });
  });
});
