import { KakaoApiError } from '@app/kakao-client';

import { classifySendError } from './blast-sender.service';

function apiError(
  status: number,
  code: number,
  kind: 'api' | 'network' | 'timeout' = 'api',
): KakaoApiError {
  return new KakaoApiError({ kind, status, code, msg: `code ${code}` });
}

describe('classifySendError', () => {
  it('pauses on the app daily quota', () => {
    expect(classifySendError(apiError(400, -10)).kind).toBe('quota');
  });

  it('retries answers that say Kakao did not process the call', () => {
    expect(classifySendError(apiError(503, -9798)).kind).toBe('retry');
    expect(classifySendError(apiError(400, -1)).kind).toBe('retry');
    expect(classifySendError(apiError(500, -1)).kind).toBe('retry');
  });

  it('never resends when no answer came back', () => {
    expect(
      classifySendError(new KakaoApiError({ kind: 'timeout', status: 0, msg: 'timed out' })).kind,
    ).toBe('unknown');
    expect(
      classifySendError(new KakaoApiError({ kind: 'network', status: 0, msg: 'reset' })).kind,
    ).toBe('unknown');
    expect(classifySendError(new Error('socket hang up')).kind).toBe('unknown');
  });

  it('records permanent refusals as failed with the code', () => {
    for (const code of [-2, -402, -530, -532, -533, -536]) {
      expect(classifySendError(apiError(code === -402 ? 403 : 400, code))).toMatchObject({
        kind: 'failed',
        code,
      });
    }
  });
});
