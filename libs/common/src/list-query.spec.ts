import { DomainException } from './domain.exception';
import {
  FilterBoolean,
  FilterEnums,
  FilterInstant,
  FilterInt,
  FilterText,
  FilterTexts,
  FilterUuids,
} from './list-filter';
import { contentRange, NoListFilter, parseListQuery, type RawListQuery } from './list-query';

const ID = '6f1c1f6e-8a4b-4b8e-9d3c-1f2e3d4c5b6a';

class ExampleFilter {
  @FilterText({ maxLength: 10, trim: true })
  q?: string;

  @FilterUuids({ maxItems: 3 })
  id?: string[];

  @FilterEnums(['a', 'b'])
  kind?: string[];

  @FilterTexts({ maxLength: 5, maxItems: 2 })
  tag?: string[];

  @FilterBoolean()
  archived?: boolean;

  @FilterInstant()
  from?: Date;

  @FilterInt({ min: -10, max: 10 })
  code?: number;
}

const rules = {
  sortable: ['name', 'createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
  maxPageSize: 100,
};

const parse = (raw: RawListQuery) => parseListQuery(raw, ExampleFilter, rules);
const withFilter = (filter: unknown) => parse({ filter: JSON.stringify(filter) });

function errorsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).code).toBe('list.invalid_query');
    return (error as DomainException).errors ?? {};
  }
  throw new Error('expected a failure');
}

describe('parseListQuery', () => {
  it('applies defaults', () => {
    const query = parse({});
    expect(query.sort).toEqual({ field: 'createdAt', order: 'DESC' });
    expect(query.range).toEqual({ start: 0, end: 24 });
    expect(query.filter).toBeInstanceOf(ExampleFilter);
    expect({ ...query.filter }).toEqual({});
  });

  it('reads the simple-rest parameters and normalizes the filter', () => {
    const query = parse({
      sort: '["name","ASC"]',
      range: '[10,19]',
      filter: JSON.stringify({
        q: '  pop ',
        id: ID,
        kind: ['a', 'b'],
        tag: 'vip',
        archived: false,
        from: '2026-01-01',
        code: -5,
      }),
    });
    expect(query.sort).toEqual({ field: 'name', order: 'ASC' });
    expect(query.range).toEqual({ start: 10, end: 19 });
    expect({ ...query.filter }).toEqual({
      q: 'pop',
      id: [ID],
      kind: ['a', 'b'],
      tag: ['vip'],
      archived: false,
      from: new Date('2026-01-01T00:00:00Z'),
      code: -5,
    });
  });

  it('sorts by id on every list (react-admin default)', () => {
    expect(parse({ sort: '["id","ASC"]' }).sort).toEqual({ field: 'id', order: 'ASC' });
  });

  it('treats null and "" as a cleared filter', () => {
    expect({ ...withFilter({ q: '', kind: null }).filter }).toEqual({});
  });

  it.each([
    [{ sort: '["secret","ASC"]' }, 'sort'],
    [{ sort: 'name' }, 'sort'],
    [{ sort: '["id","ASC","x"]' }, 'sort'],
    [{ sort: '["id"]' }, 'sort'],
    [{ sort: ['["id","ASC"]', '["id","ASC"]'] }, 'sort'],
    [{ range: '[5,1]' }, 'range'],
    [{ range: '[-1,5]' }, 'range'],
    [{ range: '[0,100]' }, 'range'],
    [{ range: '[0,1.5]' }, 'range'],
    [{ range: '[0,1,2]' }, 'range'],
    [{ range: '[1e20,1e20]' }, 'range'],
    [{ range: '[9223372036854775807,9223372036854775807]' }, 'range'],
    [{ range: '[1e308,1e308]' }, 'range'],
    [{ range: '[9007199254740992,9007199254740992]' }, 'range'],
    [{ filter: '[1]' }, 'filter'],
    [{ filter: '{' }, 'filter'],
    [{ filter: 'null' }, 'filter'],
    [{ page: '1' }, 'page'],
  ])('rejects %j naming %s', (raw, field) => {
    expect(Object.keys(errorsOf(() => parse(raw)))).toEqual([field]);
  });

  it('says what a good range is', () => {
    expect(errorsOf(() => parse({ range: '[1e20,1e20]' })).range).toMatch(/safe integers/);
  });

  it('accepts the largest safe range', () => {
    const edge = Number.MAX_SAFE_INTEGER;
    expect(parse({ range: `[${edge},${edge}]` }).range).toEqual({ start: edge, end: edge });
  });

  it.each([
    [{ foo: 1 }, 'filter.foo', /unknown filter/],
    [JSON.parse('{"__proto__":{"q":"x"}}'), 'filter.__proto__', /unknown filter/],
    [{ constructor: 'x' }, 'filter.constructor', /unknown filter/],
    [{ 'a\u0000': 1 }, 'filter.a\\u0000', /unknown filter/],
    [{ id: [] }, 'filter.id', /must not be empty/],
    [{ kind: [] }, 'filter.kind', /must not be empty/],
    [{ q: 'a\u0000b' }, 'filter.q', /NUL/],
    [{ tag: ['ok', 'a\u0000'] }, 'filter.tag', /NUL/],
    [{ q: 'a\ud800b' }, 'filter.q', /Unicode/],
    [{ q: '\udc00' }, 'filter.q', /Unicode/],
    [{ q: { $ne: '' } }, 'filter.q', /value/],
    [{ id: [[ID]] }, 'filter.id', /value/],
    [{ q: 'x'.repeat(11) }, 'filter.q', /at most 10/],
    [{ q: 5 }, 'filter.q', /text/],
    [{ id: 'nope' }, 'filter.id', /uuid/],
    [{ id: [ID, ID, ID, ID] }, 'filter.id', /1 to 3/],
    [{ kind: ['a', 'c'] }, 'filter.kind', /a, b/],
    [{ kind: 1 }, 'filter.kind', /a, b/],
    [{ tag: ' ' }, 'filter.tag', /1 to 5/],
    [{ archived: 'yes' }, 'filter.archived', /true or false/],
    [{ from: 'yesterday' }, 'filter.from', /ISO 8601/],
    [{ from: '2024-02-30' }, 'filter.from', /ISO 8601/],
    [{ from: 20240101 }, 'filter.from', /ISO 8601/],
    [{ code: 'x' }, 'filter.code', /integer/],
    [{ code: 1.5 }, 'filter.code', /integer/],
    [{ code: 1e308 }, 'filter.code', /integer/],
    [{ code: 11 }, 'filter.code', /integer/],
  ])('rejects the filter %j naming %s', (filter, field, reason) => {
    const errors = errorsOf(() => withFilter(filter));
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(reason);
  });

  it('names every bad key at once', () => {
    expect(Object.keys(errorsOf(() => withFilter({ foo: 1, bar: 2 })))).toEqual([
      'filter.foo',
      'filter.bar',
    ]);
  });

  it('refuses every key of a list without filters', () => {
    const errors = errorsOf(() => parseListQuery({ filter: '{"q":"x"}' }, NoListFilter, rules));
    expect(errors).toEqual({ 'filter.q': 'unknown filter; this list has no filters' });
    expect(parseListQuery({ filter: '{}' }, NoListFilter, rules).filter).toEqual({});
  });
});

describe('contentRange', () => {
  const query = parse({ range: '[0,24]' });
  it('caps the end at the total', () => {
    expect(contentRange('campaigns', query, 3)).toBe('campaigns 0-2/3');
    expect(contentRange('campaigns', query, 100)).toBe('campaigns 0-24/100');
    expect(contentRange('campaigns', query, 0)).toBe('campaigns */0');
  });
});
