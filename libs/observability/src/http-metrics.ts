import { type FastifyInstance } from 'fastify';

import { httpRequestDuration } from './metrics';

/** Answers every request with its id (`X-Request-Id`), for support to find its log lines. */
export function echoRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
}

/**
 * Times every answer into `kcc_http_request_duration_seconds`, labelled by the route's template
 * (`/api/campaigns/:id`, never the concrete path) so ids and probes of unknown paths add no series.
 */
export function recordHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    httpRequestDuration.observe(
      {
        route: request.routeOptions.url ?? 'unmatched',
        method: request.method,
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
