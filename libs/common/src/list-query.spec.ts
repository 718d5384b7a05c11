import { DomainException } from './domain.exception';
import { contentRange, parseListQuery } from './list-query';

const rules = {
  sortable: ['name', 'createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
  maxPageSize: 100,
};

describe('parseListQuery', () => {
  it('applies defaults', () => {
    expect(parseListQuery({}, rules)).toEqual({
      sort: { field: 'createdAt', order: 'DESC' },
      range: { start: 0, end: 24 },
      filter: {},
    });
  });

  it('reads the simple-rest parameters', () => {
    expect(
      parseListQuery({ sort: '["name","ASC"]', range: '[10,19]', filter: '{"q":"pop"}' }, rules),
    ).toEqual({
      sort: { field: 'name', order: 'ASC' },
      range: { start: 10, end: 19 },
      filter: { q: 'pop' },
    });
  });

  it.each([
    [{ sort: '["secret","ASC"]' }, 'sort'],
    [{ sort: 'name' }, 'sort'],
    [{ range: '[5,1]' }, 'range'],
    [{ range: '[0,500]' }, 'range'],
    [{ filter: '[1]' }, 'filter'],
    [{ filter: '{' }, 'filter'],
  ])('rejects %j naming %s', (raw, field) => {
    try {
      parseListQuery(raw, rules);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect(Object.keys((error as DomainException).errors ?? {})).toEqual([field]);
    }
  });
});

describe('contentRange', () => {
  const query = parseListQuery({ range: '[0,24]' }, rules);
  it('caps the end at the total', () => {
    expect(contentRange('campaigns', query, 3)).toBe('campaigns 0-2/3');
    expect(contentRange('campaigns', query, 100)).toBe('campaigns 0-24/100');
    expect(contentRange('campaigns', query, 0)).toBe('campaigns */0');
  });
});
