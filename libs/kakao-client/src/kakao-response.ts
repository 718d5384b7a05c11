// "Lenient when parsing": any content type, empty bodies, `null` read as absent, unknown fields
// ignored; error bodies of both kapi (`{msg, code}`) and kauth (`{error, error_code}`) shapes, and
// anything else (a proxy's HTML page) reported as an HTTP failure.

import { KakaoApiError } from './kakao-api.error';

export type JsonObject = Readonly<Record<string, unknown>>;

const EMPTY: JsonObject = Object.freeze({});

/** Drops `null` members of objects so optional fields are simply absent; array items are kept. */
function dropNullMembers(this: unknown, _key: string, value: unknown): unknown {
  return value === null && !Array.isArray(this) ? undefined : value;
}

/** Parses a response body; an empty body is `undefined`. Throws SyntaxError on broken JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0 || text.trim().length === 0) {
    return undefined;
  }
  // The reviver costs a call per member; skip it when no `null` can be present.
  return text.includes('null') ? JSON.parse(text, dropNullMembers) : JSON.parse(text);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ResponseContext {
  status: number;
  method: string;
  path: string;
}

/** The JSON object of a 2xx answer; `{}` when empty; an `http` failure when not an object. */
export function successBody(text: string, context: ResponseContext): JsonObject {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(text);
  } catch (error) {
    throw new KakaoApiError({
      kind: 'http',
      status: context.status,
      msg: `answer is not JSON: ${snippet(text)}`,
      method: context.method,
      path: context.path,
      cause: error,
    });
  }
  if (parsed === undefined) {
    return EMPTY;
  }
  if (!isJsonObject(parsed)) {
    throw new KakaoApiError({
      kind: 'http',
      status: context.status,
      msg: `answer is not a JSON object: ${snippet(text)}`,
      method: context.method,
      path: context.path,
    });
  }
  return parsed;
}

/** The error of a non-2xx answer, whichever shape its body has. */
export function errorFromBody(text: string, context: ResponseContext): KakaoApiError {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(text);
  } catch {
    parsed = undefined;
  }
  const base = { status: context.status, method: context.method, path: context.path };
  if (isJsonObject(parsed)) {
    const code = toInteger(parsed.code);
    if (code !== undefined) {
      return new KakaoApiError({
        ...base,
        kind: 'api',
        code,
        msg: typeof parsed.msg === 'string' ? parsed.msg : '',
        apiType: typeof parsed.api_type === 'string' ? parsed.api_type : undefined,
        requiredScopes: stringArray(parsed.required_scopes),
        allowedScopes: stringArray(parsed.allowed_scopes),
      });
    }
    if (typeof parsed.error === 'string') {
      return new KakaoApiError({
        ...base,
        kind: 'oauth',
        error: parsed.error,
        errorCode: typeof parsed.error_code === 'string' ? parsed.error_code : undefined,
        msg: typeof parsed.error_description === 'string' ? parsed.error_description : parsed.error,
      });
    }
  }
  return new KakaoApiError({
    ...base,
    kind: 'http',
    msg: text.length === 0 ? 'empty answer' : snippet(text),
  });
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

function stringArray(value: unknown): string[] | undefined {
  if (typeof value === 'string') {
    // Some answers carry the scopes as one comma-separated string.
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : undefined;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
