import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { isJsonObject } from '@app/kakao-sandbox/validation/json-reader';

const INTEGER_TEXT = /^[+-]?\d{1,15}$/;

/**
 * The parameters of one request: query string and body merged (body wins). Form values are
 * strings; a JSON body (tolerated, 1.1) may hold numbers, booleans and nested objects.
 */
export class RequestParams {
  private constructor(private readonly values: Record<string, unknown>) {}

  static from(query: unknown, body: unknown): RequestParams {
    const values: Record<string, unknown> = {};
    if (isJsonObject(query)) {
      for (const [name, value] of Object.entries(query)) {
        // A repeated query parameter arrives as an array of strings; the last one wins. Arrays
        // of a JSON body stay arrays: `receiver_uuids` and `property_keys` may come that way.
        values[name] =
          Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
            ? value[value.length - 1]
            : value;
      }
    }
    if (isJsonObject(body)) {
      Object.assign(values, body);
    }
    return new RequestParams(values);
  }

  private raw(name: string): unknown {
    const value = this.values[name];
    return value === null || value === '' ? undefined : value;
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  optionalString(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) {
      return undefined;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    if (typeof value !== 'string') {
      throw invalidParam(`${name} must be a string`);
    }
    return value;
  }

  requiredString(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) {
      throw invalidParam(`${name} is required`);
    }
    return value;
  }

  optionalInteger(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) {
      return undefined;
    }
    if (typeof value === 'number' && Number.isSafeInteger(value)) {
      return value;
    }
    if (typeof value === 'string' && INTEGER_TEXT.test(value)) {
      return Number(value);
    }
    throw invalidParam(`${name} must be an integer`);
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined || typeof value === 'boolean') {
      return value;
    }
    if (value === 'true' || value === 'false') {
      return value === 'true';
    }
    throw invalidParam(`${name} must be true or false`);
  }

  /** A field holding JSON: a string to parse (forms), or the value itself (JSON bodies). */
  optionalJson(name: string): unknown {
    const value = this.raw(name);
    if (typeof value !== 'string') {
      return value;
    }
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw invalidParam(`${name} is not valid JSON`);
    }
  }

  requiredJson(name: string): unknown {
    const value = this.optionalJson(name);
    if (value === undefined || value === null) {
      throw invalidParam(`${name} is required`);
    }
    return value;
  }

  /** The raw value, for fields with their own parser (e.g. `template_object`). */
  rawValue(name: string): unknown {
    return this.raw(name);
  }
}
