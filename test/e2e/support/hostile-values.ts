import fc from 'fast-check';

/** `depth` levels of `{"a": …}` or `[…]` around 1, as JSON text (no recursion: any depth works). */
export function nestedJson(depth: number, asArray: boolean): string {
  return asArray
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A value that is JSON text already (nesting too deep to build as an object graph). */
export class RawJson {
  constructor(readonly text: string) {}
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Values a careless or hostile client puts where a field is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    2 ** 63,
    -(2 ** 63),
    '',
    ' ',
    [],
    {},
    [null],
    [[]],
    { a: 1 },
    '2024-02-30',
    '0000-01-01',
    '2024-13-01T25:61:00Z',
    '12',
    'x'.repeat(100_000),
    'constructor',
    '__proto__',
    '😀',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    'javascript:alert(1)',
    'http://127.0.0.1:5432/',
    '00000000-0000-0000-0000-000000000000',
    'FREQ=SECONDLY',
  ),
  fc.string().map((text) => `${text}\u0000${text}`),
  fc.tuple(fc.string(), loneSurrogate).map(([text, surrogate]) => `${text}${surrogate}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
  fc
    .tuple(fc.integer({ min: 100, max: 5000 }), fc.boolean())
    .map(([depth, asArray]) => new RawJson(nestedJson(depth, asArray))),
);

/** Keys that trip prototype lookups, encodings or whitelists. */
export const hostileKey = fc.constantFrom(
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a\u0000b',
  '\ud800',
  'unknownField',
  '',
);

/** Whole bodies that are not the JSON object a route expects. */
export const HOSTILE_BODIES: readonly string[] = [
  '',
  '{',
  '{"a":',
  'null',
  '"text"',
  '1',
  'true',
  '[]',
  '[{}]',
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '\ufeff{}',
  nestedJson(5000, false),
  nestedJson(100_000, true),
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

/** Content types no JSON route takes, and broken multipart. */
export const HOSTILE_CONTENT: readonly { type: string; body: string }[] = [
  { type: 'text/csv', body: 'a,b\n1,2' },
  { type: 'application/csv', body: 'x' },
  { type: 'text/plain', body: 'hello' },
  { type: 'application/xml', body: '<a/>' },
  { type: 'application/x-www-form-urlencoded', body: 'a=b&c=d' },
  { type: 'application/octet-stream', body: '\u0001\u0002' },
  { type: 'multipart/form-data', body: 'x' },
  {
    type: 'multipart/form-data; boundary=X',
    body: '--X\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nkakao_user_id\n1\n',
  },
  { type: 'application/json; charset=utf-16', body: '{}' },
  { type: 'application/json', body: '{"a":1}'.padEnd(11 * 1024 * 1024, ' ') },
];

/** Query values for list parameters and other query keys. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    '[',
    '[1e20,1e20]',
    '[9223372036854775807,9223372036854775807]',
    '[1e308,1e308]',
    '[-1,5]',
    '[5,1]',
    '[0,1,2]',
    '["id","ASC"]',
    '["id","ASC","x"]',
    '["constructor","ASC"]',
    '[1,2]',
    '{}',
    '{"id":[]}',
    '{"id":["x"]}',
    '{"unknownKey":1}',
    '{"q":"a\\u0000b"}',
    '{"q":"\\ud800"}',
    '{"q":{"$ne":1}}',
    '{"kakaoCode":"x"}',
    '{"kakaoCode":1e308}',
    '{"state":["nope"]}',
    '{"__proto__":{"a":1}}',
    'null',
    '2024-02-30',
    '0000-01-01',
    '99999999999999999999',
    '\u0000',
  ),
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
);

/** Path parameter values: none is a real id. */
export const HOSTILE_PATH_VALUES: readonly string[] = [
  'x',
  '-1',
  '0',
  '1e3',
  '99999999999999999999',
  '2147483648',
  'not-a-uuid-but-36-characters-long-xx',
  '%00',
  '%ED%A0%80',
  '%27%20OR%201%3D1',
  'a'.repeat(300),
  '..%2F..%2Fetc',
];

/** Percent-encodes text for a URL, lone surrogates as the invalid UTF-8 they would be sent as. */
export function encodeQueryValue(text: string): string {
  return Array.from(text, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

/** A JSON body with `value` at `path`: RawJson values are spliced in as text. */
export function serializeBody(body: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raw.push(value.text);
      return `\u0001raw${raw.length - 1}\u0001`;
    }
    return value;
  });
  return text.replace(
    /"\\u0001raw(\d+)\\u0001"/g,
    (_match, index: string) => raw[Number(index)] ?? 'null',
  );
}
