import { type PipeTransform, Query, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';

import { DomainException, ErrorKind } from './domain.exception';
import { textProblem } from './request-input';
import { validationErrorsToMap } from './validation.pipe';

/** A list request in the stock ra-data-simple-rest wire format, parsed and validated. */
export interface ListQuery<F extends object = object> {
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Inclusive bounds as sent in `range=[0,24]`. */
  range: { start: number; end: number };
  /** An instance of the list's filter DTO: only declared keys, each validated. */
  filter: F;
}

export interface ListQueryRules {
  /** Fields the list sorts by besides `id`, which every list accepts (react-admin's default). */
  sortable: readonly string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  maxPageSize?: number;
}

/** The query string as Fastify parsed it. */
export type RawListQuery = Record<string, unknown>;

/** The filter of a list that has none: every key is refused. */
export class NoListFilter {}

const PARAMETERS = ['sort', 'range', 'filter'] as const;
const DEFAULT_MAX_PAGE_SIZE = 500;

function badInput(errors: Record<string, string>): DomainException {
  const message = Object.entries(errors)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join('; ');
  return new DomainException(ErrorKind.BadInput, 'list.invalid_query', message, errors);
}

/** The text of one parameter; `undefined` when absent or empty (the default applies). */
function parameterText(raw: RawListQuery, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw badInput({ [name]: 'must be given once' });
  }
  return value;
}

function parseJson(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badInput({ [field]: 'must be JSON' });
  }
}

function sortableFields(rules: ListQueryRules): string[] {
  return ['id', ...rules.sortable.filter((field) => field !== 'id')];
}

function parseSort(text: string, rules: ListQueryRules): ListQuery['sort'] {
  const value = parseJson('sort', text);
  if (!Array.isArray(value) || value.length !== 2) {
    throw badInput({ sort: 'must be ["field","ASC"|"DESC"]' });
  }
  const [field, order] = value as unknown[];
  if (typeof field !== 'string' || (order !== 'ASC' && order !== 'DESC')) {
    throw badInput({ sort: 'must be ["field","ASC"|"DESC"]' });
  }
  const fields = sortableFields(rules);
  if (!fields.includes(field)) {
    throw badInput({ sort: `must sort by one of ${fields.join(', ')}` });
  }
  return { field, order };
}

function parseRange(text: string, maxPageSize: number): ListQuery['range'] {
  const value = parseJson('range', text);
  // Safe integers only: 1e20 or 2^63 would overflow the database's bigint OFFSET.
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !Number.isSafeInteger(value[0]) ||
    !Number.isSafeInteger(value[1]) ||
    (value[0] as number) < 0 ||
    (value[1] as number) < (value[0] as number)
  ) {
    throw badInput({ range: 'must be safe integers [start,end] with 0 <= start <= end' });
  }
  const [start, end] = value as [number, number];
  if (end - start + 1 > maxPageSize) {
    throw badInput({ range: `at most ${maxPageSize} records per page` });
  }
  return { start, end };
}

/**
 * Filters are flat: a scalar or a non-empty list of scalars, with text Postgres can store (the
 * global pipe sees only the JSON text, where NUL can hide as an escape: `"\u0000"`).
 */
function valueProblem(value: unknown): string | undefined {
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  if (Array.isArray(value) && value.length === 0) {
    return 'must not be empty';
  }
  for (const item of items) {
    if (item !== null && typeof item === 'object') {
      return 'must be a value or a list of values';
    }
    const problem = typeof item === 'string' ? textProblem(item) : undefined;
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

const filterKeysByType = new WeakMap<Type<object>, string[]>();

/** The keys the filter DTO declares (every property carries a class-validator decorator). */
function filterKeys(filterType: Type<object>): string[] {
  let keys = filterKeysByType.get(filterType);
  if (!keys) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(filterType, '', true, false);
    keys = [...new Set(metadata.map((entry) => entry.propertyName))];
    filterKeysByType.set(filterType, keys);
  }
  return keys;
}

function parseFilter<F extends object>(text: string, filterType: Type<F>): F {
  const value = parseJson('filter', text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badInput({ filter: 'must be a JSON object' });
  }
  const known = filterKeys(filterType);
  const errors: Record<string, string> = {};
  const given: Record<string, unknown> = {};
  // Own keys only: `__proto__` or `constructor` are unknown keys, never reach class-transformer.
  for (const [key, item] of Object.entries(value)) {
    // A key is shown escaped when it holds NUL or a lone surrogate.
    const field = `filter.${textProblem(key) ? JSON.stringify(key).slice(1, -1) : key}`;
    if (!known.includes(key)) {
      errors[field] =
        known.length > 0
          ? `unknown filter; use one of ${known.join(', ')}`
          : 'unknown filter; this list has no filters';
      continue;
    }
    const problem = valueProblem(item);
    if (problem) {
      errors[field] = problem;
    } else if (item !== null && item !== '') {
      // A cleared input (null or '') means "any", as react-admin leaves it out.
      given[key] = item;
    }
  }
  if (Object.keys(errors).length > 0) {
    throw badInput(errors);
  }
  const filter = plainToInstance(filterType, given);
  const failures = validateSync(filter, { stopAtFirstError: true, forbidUnknownValues: false });
  if (failures.length > 0) {
    throw badInput(validationErrorsToMap(failures, 'filter'));
  }
  return filter;
}

/**
 * Parses `?sort=["title","ASC"]&range=[0,24]&filter={"q":"x"}` with defaults and limits, and
 * validates the filter with its DTO. Any problem is a 400 naming the parameter or `filter.<key>`.
 */
export function parseListQuery<F extends object>(
  raw: unknown,
  filterType: Type<F>,
  rules: ListQueryRules,
): ListQuery<F> {
  const query: RawListQuery = typeof raw === 'object' && raw !== null ? (raw as RawListQuery) : {};
  const unknown = Object.keys(query).filter(
    (key) => !(PARAMETERS as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw badInput(
      Object.fromEntries(
        unknown.map((key) => [key, 'unknown query parameter; use sort, range or filter']),
      ),
    );
  }
  const sortText = parameterText(query, 'sort');
  const rangeText = parameterText(query, 'range');
  const filterText = parameterText(query, 'filter');
  return {
    sort: sortText === undefined ? rules.defaultSort : parseSort(sortText, rules),
    range:
      rangeText === undefined
        ? { start: 0, end: 24 }
        : parseRange(rangeText, rules.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE),
    filter:
      filterText === undefined
        ? plainToInstance(filterType, {})
        : parseFilter(filterText, filterType),
  };
}

class ListQueryPipe<F extends object> implements PipeTransform<unknown, ListQuery<F>> {
  constructor(
    private readonly filterType: Type<F>,
    private readonly rules: ListQueryRules,
  ) {}

  transform(value: unknown): ListQuery<F> {
    return parseListQuery(value, this.filterType, this.rules);
  }
}

/** `sort`, `range` and `filter` in the OpenAPI document, each a JSON text. */
function documentListQuery(filterType: Type<object>, rules: ListQueryRules): MethodDecorator[] {
  const maxPageSize = rules.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
  const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
  return [
    ApiExtraModels(filterType),
    ApiQuery({
      name: 'sort',
      required: false,
      description: `["field","ASC"|"DESC"]; default ["${rules.defaultSort.field}","${rules.defaultSort.order}"]`,
      content: json({
        type: 'array',
        minItems: 2,
        maxItems: 2,
        items: { type: 'string', enum: [...sortableFields(rules), 'ASC', 'DESC'] },
        example: ['id', 'ASC'],
      }),
    }),
    ApiQuery({
      name: 'range',
      required: false,
      description: `[start,end], inclusive, at most ${maxPageSize} records; default [0,24]`,
      content: json({
        type: 'array',
        minItems: 2,
        maxItems: 2,
        items: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        example: [0, 24],
      }),
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: 'Only the keys of the schema; null or "" means any',
      content: json({ $ref: getSchemaPath(filterType) }),
    }),
  ];
}

/**
 * The list query of a route, as `@Query()` with validation: `filterType` is the list's filter
 * DTO (see list-filter.ts). Also describes the three parameters in the OpenAPI document, which
 * is why it reaches the method from a parameter decorator.
 */
export function ListQueryParams<F extends object>(
  filterType: Type<F>,
  rules: ListQueryRules,
): ParameterDecorator {
  return (target, key, index) => {
    Query(new ListQueryPipe(filterType, rules))(target, key, index);
    const method = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && method) {
      for (const decorate of documentListQuery(filterType, rules)) {
        decorate(target, key, method);
      }
    }
  };
}

/** `Content-Range: <resource> 0-24/319`, as ra-data-simple-rest reads it. */
export function contentRange(
  resource: string,
  query: Pick<ListQuery, 'range'>,
  total: number,
): string {
  if (total === 0) {
    return `${resource} */0`;
  }
  const end = Math.min(query.range.end, total - 1);
  return `${resource} ${query.range.start}-${end}/${total}`;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The reply side of a list: anything that can set a header (Fastify's reply). */
export interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Sets `Content-Range` for ra-data-simple-rest and returns the page's items. */
export function listReply<T>(
  reply: HeaderReply,
  resource: string,
  query: Pick<ListQuery, 'range'>,
  items: T[],
  total: number,
): T[] {
  reply.header('Content-Range', contentRange(resource, query, total));
  return items;
}
