import { KakaoApiError } from './kakao-api.error';
import { errorFromBody, parseJsonBody, successBody } from './kakao-response';

const context = (status: number) => ({ status, method: 'GET', path: '/v2/api/calendar/events' });

describe('parseJsonBody', () => {
  it('reads null members as absent but keeps array items', () => {
    expect(parseJsonBody('{"a":null,"b":{"c":null,"d":1},"e":[null,2]}')).toEqual({
      b: { d: 1 },
      e: [null, 2],
    });
  });

  it('answers undefined for an empty or blank body', () => {
    expect(parseJsonBody('')).toBeUndefined();
    expect(parseJsonBody('  \n')).toBeUndefined();
  });
});

describe('successBody', () => {
  it('ignores unknown fields without failing', () => {
    expect(successBody('{"event_id":"e1","future":{"x":1}}', context(200))).toEqual({
      event_id: 'e1',
      future: { x: 1 },
    });
  });

  it('reads an empty 200 as an empty object', () => {
    expect(successBody('', context(200))).toEqual({});
  });

  it('fails with an http error on a non-JSON 200', () => {
    expect(() => successBody('<html>', context(200))).toThrow(KakaoApiError);
  });
});

describe('errorFromBody', () => {
  it('reads a kapi error', () => {
    const error = errorFromBody('{"msg":"event not found","code":-2}', context(400));
    expect(error).toBeInstanceOf(KakaoApiError);
    expect(error).toMatchObject({
      kind: 'api',
      status: 400,
      code: -2,
      msg: 'event not found',
      retryable: false,
      path: '/v2/api/calendar/events',
    });
    expect(error.message).toContain('-2');
  });

  it('reads the -402 consent error with its scopes', () => {
    const error = errorFromBody(
      '{"msg":"insufficient scopes.","code":-402,"api_type":"TALK_CALENDAR","required_scopes":["talk_calendar"],"allowed_scopes":["profile_nickname"]}',
      context(403),
    );
    expect(error).toMatchObject({
      kind: 'api',
      status: 403,
      code: -402,
      apiType: 'TALK_CALENDAR',
      requiredScopes: ['talk_calendar'],
      allowedScopes: ['profile_nickname'],
      retryable: false,
    });
  });

  it('reads an OAuth error into the same class with kind oauth', () => {
    const error = errorFromBody(
      '{"error":"invalid_grant","error_description":"authorization code not found","error_code":"KOE320"}',
      context(400),
    );
    expect(error).toMatchObject({
      kind: 'oauth',
      status: 400,
      code: undefined,
      error: 'invalid_grant',
      errorCode: 'KOE320',
      msg: 'authorization code not found',
      retryable: false,
    });
  });

  it('reads a non-JSON 502 as a retryable http error', () => {
    const error = errorFromBody('<html><body>502 Bad Gateway</body></html>', context(502));
    expect(error).toMatchObject({ kind: 'http', status: 502, code: undefined, retryable: true });
    expect(error.msg).toContain('502 Bad Gateway');
  });

  it('reads an empty error body', () => {
    const error = errorFromBody('', context(503));
    expect(error).toMatchObject({
      kind: 'http',
      status: 503,
      msg: 'empty answer',
      retryable: true,
    });
  });

  it('marks the retryable kapi codes', () => {
    expect(errorFromBody('{"msg":"internal","code":-1}', context(400)).retryable).toBe(true);
    expect(errorFromBody('{"msg":"maintenance","code":-9798}', context(503)).retryable).toBe(true);
    expect(errorFromBody('{"msg":"limit","code":-10}', context(400))).toMatchObject({
      retryable: false,
      quotaExceeded: true,
    });
    expect(errorFromBody('{"msg":"bad","code":-2}', context(400)).quotaExceeded).toBe(false);
  });
});
