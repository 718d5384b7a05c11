import { checkAttributes, normalizeTags, parseAttributeCell } from './recipient-fields';

describe('recipient fields', () => {
  it('normalizes tags: trimmed, unique, sorted', () => {
    expect(normalizeTags([' vip', 'seoul', 'vip', '서울 팝업'])).toEqual({
      ok: true,
      value: ['seoul', 'vip', '서울 팝업'],
    });
  });

  it.each([['not a list'], [[1]], [['']], [['a|b']], [['a,b']], [[' ']], [['x'.repeat(51)]]])(
    'refuses tags %j',
    (value) => {
      expect(normalizeTags(value).ok).toBe(false);
    },
  );

  it('refuses more than 50 tags', () => {
    expect(normalizeTags(Array.from({ length: 51 }, (_, i) => `t${i}`)).ok).toBe(false);
  });

  it('accepts scalar attributes with identifier names', () => {
    expect(checkAttributes({ city: 'Seoul', age: 31, vip: true, _x: '' })).toEqual({
      ok: true,
      value: { city: 'Seoul', age: 31, vip: true, _x: '' },
    });
  });

  it.each([
    [[], 'must be an object'],
    [{ 'home town': 'x' }, 'attribute name'],
    [{ nested: { a: 1 } }, 'must be text, a number or true/false'],
    [{ none: null }, 'must be text, a number or true/false'],
    [{ big: Infinity }, 'finite'],
    [{ long: 'x'.repeat(501) }, 'longer than 500'],
  ])('refuses attributes %j', (value, reason) => {
    const checked = checkAttributes(value);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toContain(reason);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['42', 42],
    ['-3.5', -3.5],
    ['007', '007'],
    ['1e5', '1e5'],
    ['Seoul', 'Seoul'],
    ['TRUE', 'TRUE'],
  ])('reads the CSV cell %j as %j', (cell, value) => {
    expect(parseAttributeCell(cell)).toBe(value);
  });
});
