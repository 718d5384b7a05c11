import type { SandboxServices } from '@app/kakao-sandbox/http/services';
import { RequestParams } from '@app/kakao-sandbox/validation/params';

import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';

/** A route handler gets the merged query/body parameters and answers a JSON object. */
export type JsonHandler = (request: FastifyRequest, params: RequestParams) => object;
export type RawHandler = (request: FastifyRequest, reply: FastifyReply) => FastifyReply;

/** Registers thin handlers: parse parameters, call one service, answer its result. */
export class RouteKit {
  constructor(
    readonly app: FastifyInstance,
    readonly services: SandboxServices,
    private readonly publicUrl: string | undefined,
  ) {}

  get(path: string, handler: JsonHandler): void {
    this.json(['GET'], path, handler);
  }

  post(path: string, handler: JsonHandler): void {
    this.json(['POST'], path, handler);
  }

  delete(path: string, handler: JsonHandler): void {
    this.json(['DELETE'], path, handler);
  }

  json(methods: HTTPMethods[], path: string, handler: JsonHandler): void {
    const context = this.services.context;
    const writes = methods.some((method) => method !== 'GET');
    this.app.route({
      method: methods,
      url: path,
      handler: (request) => {
        // Failed writes count too: they may still have used quota.
        if (writes) {
          context.markChanged();
        }
        return handler(request, RequestParams.from(request.query, request.body));
      },
    });
  }

  raw(method: HTTPMethods, path: string, handler: RawHandler): void {
    this.app.route({ method, url: path, handler });
  }

  /** Base of URLs the sandbox hands out (`after_url`): configured, else as the client reached us. */
  baseUrl(request: FastifyRequest): string {
    return this.publicUrl ?? `${request.protocol}://${request.host}`;
  }
}
