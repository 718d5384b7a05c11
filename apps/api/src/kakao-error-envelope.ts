import { DomainException, ErrorKind } from '@app/common';
import { isKakaoApiError, KakaoKeyMissingError } from '@app/kakao-client';

/**
 * What a caller is told when a Kakao call inside their request fails and the service did not
 * turn it into its own error: a missing or refused key is the channel's settings to fix (409),
 * a quota a wait (429), an outage or timeout Kakao's to recover from (503). Never a bare 500.
 */
export function kakaoErrorAsDomain(error: unknown): DomainException | undefined {
  if (error instanceof KakaoKeyMissingError) {
    const field = error.key === 'adminKey' ? 'adminKey' : 'restApiKey';
    return new DomainException(
      ErrorKind.Conflict,
      'channel.kakao_key_missing',
      `The channel has no Kakao ${field === 'adminKey' ? 'admin' : 'REST API'} key; set it in the channel settings`,
      { [field]: 'is required for this request' },
    );
  }
  if (!isKakaoApiError(error)) {
    return undefined;
  }
  if (error.quotaExceeded) {
    return new DomainException(
      ErrorKind.TooManyRequests,
      'kakao.quota_exceeded',
      `Kakao's quota is used up: ${error.msg}`,
    );
  }
  if (error.retryable || error.kind === 'network' || error.kind === 'timeout') {
    return new DomainException(
      ErrorKind.Unavailable,
      'kakao.unavailable',
      `Kakao did not answer: ${error.msg}`,
    );
  }
  return new DomainException(
    ErrorKind.Conflict,
    'kakao.rejected',
    `Kakao refused: ${error.msg}`,
    undefined,
    {
      kakaoCode: error.code ?? error.errorCode ?? error.status,
    },
  );
}
