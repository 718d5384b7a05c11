// Kakao's request encodings (contract 1.1): GET/DELETE parameters in the query string, POST bodies
// as `application/x-www-form-urlencoded`, nested objects and arrays as ONE field holding a JSON
// string, booleans and numbers as plain text. Undefined values are dropped.

export type WireValue = string | number | boolean | object;

/** Parameters of one call; `undefined` means "not sent". */
export type WireParams = Readonly<Record<string, WireValue | undefined>>;

/** The text of one field: scalars as plain text, objects and arrays as JSON. */
export function wireText(value: WireValue): string {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * `k1=v1&k2=v2` with every key and value percent-encoded (UTF-8). Used for both form bodies and
 * query strings; a space becomes `%20`, which form decoders accept like `+`.
 */
export function encodeParams(params: WireParams): string {
  let out = '';
  for (const key in params) {
    const value = params[key];
    if (value === undefined) {
      continue;
    }
    if (out.length > 0) {
      out += '&';
    }
    out += encodeURIComponent(key) + '=' + encodeURIComponent(wireText(value));
  }
  return out;
}

/** The path with its query string, or the bare path when no parameter is set. */
export function withQuery(path: string, query: WireParams | undefined): string {
  if (query === undefined) {
    return path;
  }
  const encoded = encodeParams(query);
  return encoded.length === 0 ? path : `${path}?${encoded}`;
}

/** The query parameters carried by a paging URL (`after_url`), as plain strings. */
export function paramsOfUrl(url: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) {
    params[key] = value;
  }
  return params;
}
