import { unauthorized } from '@app/kakao-sandbox/errors/kakao-error';

export type Credential = { kind: 'bearer'; token: string } | { kind: 'admin'; key: string };

const BEARER = 'Bearer ';
const KAKAO_AK = 'KakaoAK ';

/** Reads `Authorization`: exactly `Bearer <token>` or `KakaoAK <key>` (2.1); anything else is -401. */
export function parseAuthorization(header: string | string[] | undefined): Credential {
  if (typeof header !== 'string' || header === '') {
    throw unauthorized('authorization header is missing');
  }
  if (header.startsWith(BEARER) && header.length > BEARER.length) {
    return { kind: 'bearer', token: header.slice(BEARER.length) };
  }
  if (header.startsWith(KAKAO_AK) && header.length > KAKAO_AK.length) {
    return { kind: 'admin', key: header.slice(KAKAO_AK.length) };
  }
  throw unauthorized(
    'authorization header must be "Bearer {access_token}" or "KakaoAK {admin_key}"',
  );
}
