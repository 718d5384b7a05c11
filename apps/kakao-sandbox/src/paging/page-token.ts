import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { isJsonObject, type JsonObject } from '@app/kakao-sandbox/validation/json-reader';

/**
 * `next_page_token` is the next page's query itself, base64url-encoded, so paging needs no server
 * state and survives restarts. `kind` stops a token of one list from being used on another.
 */
export function encodePageToken(kind: string, query: JsonObject): string {
  return Buffer.from(JSON.stringify({ ...query, kind }), 'utf8').toString('base64url');
}

export function decodePageToken(kind: string, token: string): JsonObject {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidParam('next_page_token is invalid');
  }
  if (!isJsonObject(decoded) || decoded.kind !== kind) {
    throw invalidParam('next_page_token is invalid');
  }
  return decoded;
}

export function tokenNumber(query: JsonObject, key: string): number {
  const value = query[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalidParam('next_page_token is invalid');
  }
  return value;
}

export function tokenString(query: JsonObject, key: string): string | undefined {
  const value = query[key];
  if (value !== undefined && typeof value !== 'string') {
    throw invalidParam('next_page_token is invalid');
  }
  return value;
}

/** `after_url`: the sandbox's own URL of the list with the token of the next page. */
export function afterUrl(baseUrl: string, path: string, token: string): string {
  return `${baseUrl}${path}?next_page_token=${encodeURIComponent(token)}`;
}
