// Tolerant readers for answer fields: lists default to empty, flags to false, ids are taken as
// strings (or numbers turned into strings); only an id the caller cannot do without is required.

import { KakaoApiError } from './kakao-api.error';
import { type JsonObject } from './kakao-response';

export function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

export function optionalText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' ? String(value) : undefined;
}

/** The id a write call echoes; absent ids are a broken answer unless a fallback is known. */
export function echoedId(body: JsonObject, key: string, where: string, fallback?: string): string {
  const id = optionalText(body[key]) ?? fallback;
  if (id === undefined) {
    throw new KakaoApiError({
      kind: 'http',
      status: 200,
      msg: `answer has no ${key}`,
      path: where,
    });
  }
  return id;
}
