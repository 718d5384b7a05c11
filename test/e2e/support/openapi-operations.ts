/** The API's operations as its OpenAPI document describes them, with request bodies resolved. */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  method: string;
  /** OpenAPI template, e.g. `/api/campaigns/{id}`. */
  path: string;
  /** Nest's form without the global prefix, e.g. `GET /campaigns/:id` (matches the access scanner). */
  route: string;
  operationId: string;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  /** The JSON body schema, references left in place (resolve with `resolveSchema`). */
  body?: JsonSchema;
}

export function readOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const names = (where: OpenApiParameter['in']) =>
        parameters.filter((parameter) => parameter.in === where).map((parameter) => parameter.name);
      const route = path.replace(/^\/api/, '').replace(/\{([^}]+)\}/g, ':$1') || '/';
      operations.push({
        method: method.toUpperCase(),
        path,
        route: `${method.toUpperCase()} ${route}`,
        operationId: operation.operationId ?? `${method} ${path}`,
        pathParams: names('path'),
        queryParams: names('query'),
        headerParams: names('header').filter((name) => name !== 'X-Channel-Id'),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** Follows `$ref`s (one level per call) into `#/components/schemas`. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined && hops < 10; hops += 1) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) {
      throw new Error(`OpenAPI document has no schema ${name}`);
    }
    current = { ...target, ...omitRef(current) };
  }
  return current;
}

function omitRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

/**
 * A plausible value for a schema: required fields only, the smallest allowed numbers, the first
 * enum value. `hint(path)` supplies real values (ids of this stack) and known-good examples.
 */
export function sampleFromSchema(
  document: OpenApiDocument,
  schema: JsonSchema,
  path: string,
  hint: (path: string, schema: JsonSchema) => unknown,
): unknown {
  const resolved = resolveSchema(document, schema);
  const hinted = hint(path, resolved);
  if (hinted !== undefined) {
    return hinted;
  }
  if (resolved.enum && resolved.enum.length > 0) {
    return resolved.enum[0];
  }
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  if (type === 'object' || resolved.properties) {
    const out: Record<string, unknown> = {};
    for (const name of resolved.required ?? []) {
      const property = resolved.properties?.[name];
      if (property) {
        out[name] = sampleFromSchema(document, property, joinPath(path, name), hint);
      }
    }
    return out;
  }
  if (type === 'array') {
    return resolved.items ? [sampleFromSchema(document, resolved.items, `${path}[0]`, hint)] : [];
  }
  if (type === 'integer' || type === 'number') {
    return resolved.minimum ?? 1;
  }
  if (type === 'boolean') {
    return true;
  }
  return resolved.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'sample';
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Every path to a value inside `value` (objects and arrays), the root as ''. */
export function valuePaths(value: unknown, path = ''): string[] {
  const paths = [path];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...valuePaths(item, `${path}[${index}]`)));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      paths.push(...valuePaths(item, joinPath(path, key)));
    }
  }
  return paths;
}

function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1] !== '') {
      segments.push(match[1] ?? '');
    }
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      segments.push(Number(index[1]));
    }
  }
  return segments.filter((segment) => segment !== '');
}

/** The value at `path` ('' is the value itself); undefined when the path does not exist. */
export function valueAt(value: unknown, path: string): unknown {
  let cursor = value;
  for (const segment of pathSegments(path)) {
    if (typeof cursor !== 'object' || cursor === null) {
      return undefined;
    }
    cursor = (cursor as Record<string | number, unknown>)[segment];
  }
  return cursor;
}

/** A deep copy of `value` with the value at `path` replaced ('' replaces the whole value). */
export function replaceAt(value: unknown, path: string, replacement: unknown): unknown {
  const segments = pathSegments(path);
  if (segments.length === 0) {
    return replacement;
  }
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  segments.slice(0, -1).forEach((segment, index) => {
    const existing = cursor[segment];
    if (typeof existing !== 'object' || existing === null) {
      cursor[segment] = typeof segments[index + 1] === 'number' ? [] : {};
    }
    cursor = cursor[segment] as Record<string | number, unknown>;
  });
  cursor[segments[segments.length - 1] ?? 0] = replacement;
  return copy;
}

/** Field paths compared loosely: `a[0].b` and `a.0.b` are the same field. */
export function sameFieldFamily(errorKey: string, mutatedPath: string): boolean {
  const normalize = (path: string) => pathSegments(path).map(String);
  const a = normalize(errorKey);
  const b = normalize(mutatedPath);
  const shorter = Math.min(a.length, b.length);
  if (shorter === 0) {
    return true;
  }
  return a.slice(0, shorter).every((segment, index) => segment === b[index]);
}
