import { kakaoCallDuration } from '@app/observability';

import { KakaoApiError } from './kakao-api.error';
import { kakaoResultCode, observeKakaoCall } from './kakao-call-metrics';

const failure = (init: Partial<ConstructorParameters<typeof KakaoApiError>[0]>) =>
  new KakaoApiError({ kind: 'api', status: 400, msg: 'x', ...init });

describe('Kakao call metrics', () => {
  it('label a result by Kakao code, OAuth code, HTTP status or failure kind', () => {
    expect(kakaoResultCode()).toBe('ok');
    expect(kakaoResultCode(failure({ code: -401 }))).toBe('-401');
    expect(kakaoResultCode(failure({ kind: 'oauth', errorCode: 'KOE320' }))).toBe('KOE320');
    expect(kakaoResultCode(failure({ kind: 'http', status: 502 }))).toBe('http_502');
    expect(kakaoResultCode(failure({ kind: 'timeout', status: 0 }))).toBe('timeout');
    expect(kakaoResultCode(new Error('bug'))).toBe('error');
  });

  it('time each attempt by endpoint path and result, rethrowing failures', async () => {
    const path = '/v2/api/test/metrics';
    await observeKakaoCall(path, () => Promise.resolve({}));
    await expect(
      observeKakaoCall(path, () => Promise.reject(failure({ code: -9798, status: 503 }))),
    ).rejects.toBeInstanceOf(KakaoApiError);
    const values = (await kakaoCallDuration.get()).values.filter(
      (value) => value.labels.endpoint === path && value.metricName?.endsWith('_count'),
    );
    expect(values.map((value) => [value.labels.code, value.value]).sort()).toEqual([
      ['-9798', 1],
      ['ok', 1],
    ]);
  });
});
