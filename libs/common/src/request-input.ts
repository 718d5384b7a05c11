// Checks on what a client sends (bodies, query strings, path parameters) that hold for every
// route, before any DTO logic or SQL sees it.

/** How deeply a request body may nest objects and arrays; real payloads stay far below. */
export const MAX_INPUT_DEPTH = 32;

export const INPUT_REASONS = {
  nul: 'must not contain NUL characters',
  unicode: 'must be valid Unicode text',
  depth: 'nests too deeply',
  json: 'must be a JSON object',
  key: 'is not an allowed key',
} as const;

/** Keys that would reach an object's prototype if anything ever merged them by assignment. */
function isPrototypeKey(key: string, value: unknown): boolean {
  return (
    key === '__proto__' ||
    (key === 'constructor' &&
      typeof value === 'object' &&
      value !== null &&
      Object.hasOwn(value, 'prototype'))
  );
}

// In `u` mode a paired surrogate is one code point, so this matches lone halves only.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why a string cannot be kept as text, or undefined when it can. Postgres refuses U+0000 in text
 * and jsonb, and a lone UTF-16 surrogate has no UTF-8 encoding.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) {
    return INPUT_REASONS.nul;
  }
  if (LONE_SURROGATE.test(text)) {
    return INPUT_REASONS.unicode;
  }
  return undefined;
}

export interface InputProblem {
  /** Dotted path of the offending value (`content.title`, `recipients.0.tags`). */
  field: string;
  reason: string;
}

export interface InputWalkOptions {
  /** The name of the value itself (`body`, a query key, a path parameter). */
  name: string;
  /** Whether the top-level object's keys are the field names (a body, a query object). */
  keysAreFields: boolean;
  /** A body: anything but plain objects, arrays and primitives is refused (streams, instances). */
  jsonOnly: boolean;
  maxDepth: number;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A key as it can be shown in a field path (control characters and lone surrogates escaped). */
function printableKey(key: string): string {
  return textProblem(key) === undefined ? key : JSON.stringify(key).slice(1, -1);
}

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * The first problem in a JSON-shaped value: a string (or key) with NUL or a lone surrogate, a
 * nesting deeper than `maxDepth`, or (jsonOnly) an object that JSON does not produce. Walks with
 * its own stack, never by recursion: a hostile body may nest 100,000 levels.
 */
export function findInputProblem(
  value: unknown,
  options: InputWalkOptions,
): InputProblem | undefined {
  const childPath = (parent: string, key: string, depth: number): string =>
    depth === 1 && options.keysAreFields ? key : `${parent}.${key}`;
  const stack: Pending[] = [{ value, path: options.name, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = next.value;
    if (typeof current === 'string') {
      const reason = textProblem(current);
      if (reason !== undefined) {
        return { field: next.path, reason };
      }
      continue;
    }
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    const isArray = Array.isArray(current);
    if (!isArray && !isPlainObject(current)) {
      if (options.jsonOnly) {
        return { field: next.path, reason: INPUT_REASONS.json };
      }
      // Something the framework made (a Date, a user record): not client text.
      continue;
    }
    const depth = next.depth + 1;
    if (depth > options.maxDepth) {
      // Named by the field the nesting hangs from (its full path would be the nesting itself).
      return { field: next.path.split('.')[0] ?? options.name, reason: INPUT_REASONS.depth };
    }
    const entries: [string, unknown][] = isArray
      ? (current as unknown[]).map((item, index) => [String(index), item])
      : Object.entries(current);
    // Pushed in reverse so that the first field is reported first.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index];
      const path = childPath(next.path, printableKey(key), depth);
      if (!isArray) {
        const reason =
          textProblem(key) ?? (isPrototypeKey(key, item) ? INPUT_REASONS.key : undefined);
        if (reason !== undefined) {
          return { field: path, reason };
        }
      }
      stack.push({ value: item, path, depth });
    }
  }
  return undefined;
}
