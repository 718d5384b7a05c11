import { ErrorKind } from '@app/common';
import { KakaoApiError, KakaoErrorCode, KakaoKeyMissingError } from '@app/kakao-client';

import { kakaoErrorAsDomain } from './kakao-error-envelope';

describe('kakaoErrorAsDomain', () => {
  it('names the missing key as a conflict with the channel settings', () => {
    const error = kakaoErrorAsDomain(new KakaoKeyMissingError('adminKey'));
    expect(error).toMatchObject({
      kind: ErrorKind.Conflict,
      code: 'channel.kakao_key_missing',
      errors: { adminKey: 'is required for this request' },
    });
  });

  it('tells a quota from an outage from a refusal', () => {
    const api = (code: number, status: number) =>
      new KakaoApiError({ kind: 'api', status, code, msg: 'm' });
    expect(kakaoErrorAsDomain(api(KakaoErrorCode.QuotaExceeded, 429))?.kind).toBe(
      ErrorKind.TooManyRequests,
    );
    expect(
      kakaoErrorAsDomain(new KakaoApiError({ kind: 'network', status: 0, msg: 'reset' }))?.kind,
    ).toBe(ErrorKind.Unavailable);
    expect(kakaoErrorAsDomain(api(KakaoErrorCode.InvalidToken, 401))).toMatchObject({
      kind: ErrorKind.Conflict,
      code: 'kakao.rejected',
      details: { kakaoCode: KakaoErrorCode.InvalidToken },
    });
  });

  it('leaves other errors alone', () => {
    expect(kakaoErrorAsDomain(new Error('x'))).toBeUndefined();
  });
});
