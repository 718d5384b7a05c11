import { isJsonObject } from '@app/kakao-sandbox/validation/json-reader';

import type { FastifyRequest } from 'fastify';

/** A `:name` segment of the matched route. */
export function pathParam(request: FastifyRequest, name: string): string {
  const params = request.params;
  const value = isJsonObject(params) ? params[name] : undefined;
  return typeof value === 'string' ? value : '';
}
