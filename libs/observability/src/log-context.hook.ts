import { type FastifyInstance } from 'fastify';

import { runWithLogContext } from './log-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs each request in a log context holding its id (Fastify's, from X-Request-Id or new) and
 * the `X-Channel-Id` header, so the jobs it queues carry the request id on to the worker's logs.
 * A hook rather than a Nest interceptor: an interceptor would hand server-sent-event routes an
 * Observable before their handler ran, and a handler's 404 would become a 200 stream.
 */
export function enterLogContextPerRequest(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const channel = request.headers['x-channel-id'];
    const channelId = typeof channel === 'string' && UUID.test(channel) ? channel : undefined;
    runWithLogContext({ requestId: request.id, channelId }, () => done());
  });
}
