import { DomainException } from './domain.exception';
import { parseJsonBody } from './json-body';

function parse(text: string): { error: Error | null; value?: unknown } {
  let result: { error: Error | null; value?: unknown } = { error: null };
  parseJsonBody(undefined, Buffer.from(text), (error, value) => {
    result = { error, value };
  });
  return result;
}

describe('parseJsonBody', () => {
  it('keeps __proto__ as an own key, never as the prototype', () => {
    const { error, value } = parse('{"__proto__":{"polluted":true}}');
    expect(error).toBeNull();
    expect(Object.hasOwn(value as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['', 'must not be empty'],
    ['{bad', 'must be valid JSON'],
  ])('refuses %j naming the body', (text, reason) => {
    const { error } = parse(text);
    expect(error).toBeInstanceOf(DomainException);
    expect((error as DomainException).errors).toEqual({ body: reason });
  });
});
