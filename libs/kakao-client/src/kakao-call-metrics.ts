import { kakaoCallDuration } from '@app/observability';

import { KakaoApiError } from './kakao-api.error';

/**
 * The result label of one call: `ok`, Kakao's code (`-401`, `KOE320`), else the HTTP status or
 * the failure kind (`timeout`, `network`). Every value comes from a short, fixed set.
 */
export function kakaoResultCode(error?: unknown): string {
  if (error === undefined) {
    return 'ok';
  }
  if (!(error instanceof KakaoApiError)) {
    return 'error';
  }
  if (error.code !== undefined) {
    return String(error.code);
  }
  if (error.errorCode !== undefined) {
    return error.errorCode;
  }
  return error.status > 0 ? `http_${error.status}` : error.kind;
}

/** Times one attempt into `kcc_kakao_call_duration_seconds` by endpoint path and result code. */
export async function observeKakaoCall<T>(path: string, attempt: () => Promise<T>): Promise<T> {
  const stop = kakaoCallDuration.startTimer({ endpoint: path });
  try {
    const answer = await attempt();
    stop({ code: kakaoResultCode() });
    return answer;
  } catch (error) {
    stop({ code: kakaoResultCode(error) });
    throw error;
  }
}
