import { UnsupportedMediaTypeException } from '@nestjs/common';
import { type FastifyRequest, type preParsingHookHandler } from 'fastify';

/** Which request bodies each route takes, by media type (lower case, no parameters). */
export interface BodyMediaTypeRules {
  /** What every route takes (JSON). */
  everywhere: readonly string[];
  /**
   * What a route takes besides, keyed by method and route as the router names it:
   * `POST /api/audiences/:id/imports`.
   */
  byRoute: Readonly<Record<string, readonly string[]>>;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A `preParsing` hook that answers 415 for a body whose media type the matched route does not
 * take. Body parsers are registered on the whole Fastify instance (Nest puts every route there),
 * so this is what keeps the raw CSV stream and multipart to the upload routes: any other route
 * gets parsed JSON or nothing. A bodiless request passes whatever its content type says.
 */
export function bodyMediaTypeGuard(rules: BodyMediaTypeRules): preParsingHookHandler {
  const everywhere = new Set(rules.everywhere);
  const byRoute = new Map(
    Object.entries(rules.byRoute).map(([route, types]) => [route, new Set(types)]),
  );
  return (request, _reply, payload, done) => {
    if (request.is404 || !hasBody(request)) {
      done(null, payload);
      return;
    }
    const type = mediaTypeOf(request);
    const extra = byRoute.get(`${request.method} ${request.routeOptions.url ?? ''}`);
    if (everywhere.has(type) || extra?.has(type)) {
      done(null, payload);
      return;
    }
    const accepted = [...everywhere, ...(extra ?? [])].join(', ');
    done(
      new UnsupportedMediaTypeException({
        code: 'unsupported_media_type',
        message: `This route takes a body of type ${accepted}, not ${type || 'an unnamed type'}`,
      }),
    );
  };
}
