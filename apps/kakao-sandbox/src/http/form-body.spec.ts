import { KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import { parseFormBody } from '@app/kakao-sandbox/http/form-body';

describe('parseFormBody', () => {
  it('decodes fields, pluses and UTF-8', () => {
    const body = `calendar_id=primary&event=${encodeURIComponent('{"title":"런칭 행사"}')}&q=a+b&flag`;
    expect({ ...parseFormBody(body) }).toEqual({
      calendar_id: 'primary',
      event: '{"title":"런칭 행사"}',
      q: 'a b',
      flag: '',
    });
  });

  it('lets the last repeated field win and ignores empty pairs', () => {
    expect({ ...parseFormBody('a=1&&a=2&') }).toEqual({ a: '2' });
    expect({ ...parseFormBody('') }).toEqual({});
  });

  it('rejects broken percent-encoding with -2', () => {
    expect(() => parseFormBody('event=%E0%A4%A')).toThrow(KakaoError);
  });

  it('never sets a prototype', () => {
    const fields = parseFormBody('__proto__=x&a=1');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(fields.a).toBe('1');
  });
});
