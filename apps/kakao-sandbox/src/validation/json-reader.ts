import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) {
    throw invalidParam(`${path} must be a JSON object`);
  }
  return value;
}

/** JSON `null` counts as absent: lenient toward clients that send every field. */
function present(object: JsonObject, key: string): unknown {
  const value = object[key];
  return value === null ? undefined : value;
}

export interface StringRule {
  min?: number;
  max?: number;
}

export function optionalString(
  object: JsonObject,
  key: string,
  path: string,
  rule: StringRule = {},
): string | undefined {
  const value = present(object, key);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw invalidParam(`${path}.${key} must be a string`);
  }
  if (rule.min !== undefined && value.length < rule.min) {
    throw invalidParam(`${path}.${key} must have at least ${rule.min} characters`);
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw invalidParam(`${path}.${key} must have at most ${rule.max} characters`);
  }
  return value;
}

export function requiredString(
  object: JsonObject,
  key: string,
  path: string,
  rule: StringRule = {},
): string {
  const value = optionalString(object, key, path, rule);
  if (value === undefined) {
    throw invalidParam(`${path}.${key} is required`);
  }
  return value;
}

export function optionalBoolean(
  object: JsonObject,
  key: string,
  path: string,
): boolean | undefined {
  const value = present(object, key);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw invalidParam(`${path}.${key} must be a boolean`);
  }
  return value;
}

export function optionalNumber(object: JsonObject, key: string, path: string): number | undefined {
  const value = present(object, key);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidParam(`${path}.${key} must be a number`);
  }
  return value;
}

export function optionalInteger(object: JsonObject, key: string, path: string): number | undefined {
  const value = optionalNumber(object, key, path);
  if (value !== undefined && !Number.isSafeInteger(value)) {
    throw invalidParam(`${path}.${key} must be an integer`);
  }
  return value;
}

export function optionalObject(
  object: JsonObject,
  key: string,
  path: string,
): JsonObject | undefined {
  const value = present(object, key);
  return value === undefined ? undefined : asObject(value, `${path}.${key}`);
}

/** Rejects keys outside `allowed`, for objects whose every field has a meaning. */
export function rejectUnknownKeys(
  object: JsonObject,
  allowed: readonly string[],
  path: string,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw invalidParam(`${path}.${key} is not allowed here`);
    }
  }
}

export function hasKey(object: JsonObject, key: string): boolean {
  return present(object, key) !== undefined;
}
