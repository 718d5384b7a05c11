import { DomainException, ErrorKind } from './domain.exception';

/** A list request in the stock ra-data-simple-rest wire format, parsed and bounded. */
export interface ListQuery<F = Record<string, unknown>> {
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Inclusive bounds as sent in `range=[0,24]`. */
  range: { start: number; end: number };
  filter: F;
}

export interface ListQueryRules {
  sortable: readonly string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  maxPageSize?: number;
}

export interface RawListQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

function badInput(field: string, reason: string): DomainException {
  return new DomainException(ErrorKind.BadInput, 'list.invalid_query', `${field}: ${reason}`, {
    [field]: reason,
  });
}

function parseJson(field: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw badInput(field, 'must be JSON');
  }
}

/** Parses `?sort=["title","ASC"]&range=[0,24]&filter={"q":"x"}` with defaults and limits. */
export function parseListQuery(raw: RawListQuery, rules: ListQueryRules): ListQuery {
  const maxPageSize = rules.maxPageSize ?? 500;
  let sort = rules.defaultSort;
  if (raw.sort !== undefined && raw.sort !== '') {
    const value = parseJson('sort', raw.sort) as unknown[];
    if (
      !Array.isArray(value) ||
      typeof value[0] !== 'string' ||
      (value[1] !== 'ASC' && value[1] !== 'DESC')
    ) {
      throw badInput('sort', 'must be ["field","ASC"|"DESC"]');
    }
    if (!rules.sortable.includes(value[0])) {
      throw badInput('sort', `cannot sort by ${value[0]}; use one of ${rules.sortable.join(', ')}`);
    }
    sort = { field: value[0], order: value[1] };
  }
  let range = { start: 0, end: 24 };
  if (raw.range !== undefined && raw.range !== '') {
    const value = parseJson('range', raw.range);
    if (
      !Array.isArray(value) ||
      !Number.isInteger(value[0]) ||
      !Number.isInteger(value[1]) ||
      (value[0] as number) < 0 ||
      (value[1] as number) < (value[0] as number)
    ) {
      throw badInput('range', 'must be [start,end] with 0 <= start <= end');
    }
    const [start, end] = value as [number, number];
    if (end - start + 1 > maxPageSize) {
      throw badInput('range', `at most ${maxPageSize} records per page`);
    }
    range = { start, end };
  }
  let filter: Record<string, unknown> = {};
  if (raw.filter !== undefined && raw.filter !== '') {
    const value = parseJson('filter', raw.filter);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badInput('filter', 'must be a JSON object');
    }
    filter = value as Record<string, unknown>;
  }
  return { sort, range, filter };
}

/** `Content-Range: <resource> 0-24/319`, as ra-data-simple-rest reads it. */
export function contentRange(resource: string, query: ListQuery, total: number): string {
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
  query: ListQuery,
  items: T[],
  total: number,
): T[] {
  reply.header('Content-Range', contentRange(resource, query, total));
  return items;
}
