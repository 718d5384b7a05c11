// Runs a user-token call and, when Kakao says the token is invalid or expired (-401), refreshes
// it once and runs the call again with the new token (contract 9.4: refresh once, then stop).

import { isKakaoApiError, KakaoErrorCode } from './kakao-api.error';
import { type OAuthToken } from './kakao.types';
import { type OAuthApi, type OAuthCallOptions } from './oauth-api';

export interface UserTokens {
  accessToken: string;
  /** Without it a -401 is final. */
  refreshToken?: string;
}

export interface RefreshedTokens {
  accessToken: string;
  /** The new refresh token when Kakao rotated it, else the one that was used. */
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  /** Present when the refresh token was rotated. */
  refreshTokenExpiresIn?: number;
  scope?: string;
}

export type OnTokensRefreshed = (tokens: RefreshedTokens) => void | Promise<void>;

export function refreshedTokens(token: OAuthToken, usedRefreshToken: string): RefreshedTokens {
  const tokens: RefreshedTokens = {
    accessToken: token.access_token,
    refreshToken: token.refresh_token ?? usedRefreshToken,
    expiresIn: token.expires_in,
  };
  if (token.refresh_token_expires_in !== undefined) {
    tokens.refreshTokenExpiresIn = token.refresh_token_expires_in;
  }
  if (token.scope !== undefined) {
    tokens.scope = token.scope;
  }
  return tokens;
}

/**
 * Calls `fn` with the access token; on -401 refreshes once, reports the new tokens through
 * `onRefreshed` (to be stored before anything else happens) and calls `fn` again. A failing
 * refresh (e.g. KOE322) is thrown as is.
 */
export async function withUserToken<T>(
  oauth: OAuthApi,
  tokens: UserTokens,
  fn: (accessToken: string) => Promise<T>,
  onRefreshed?: OnTokensRefreshed,
  options?: OAuthCallOptions,
): Promise<T> {
  try {
    return await fn(tokens.accessToken);
  } catch (error) {
    if (!isKakaoApiError(error, KakaoErrorCode.InvalidToken) || tokens.refreshToken === undefined) {
      throw error;
    }
  }
  const refreshed = refreshedTokens(
    await oauth.refreshAccessToken(tokens.refreshToken, options),
    tokens.refreshToken,
  );
  if (onRefreshed !== undefined) {
    await onRefreshed(refreshed);
  }
  return fn(refreshed.accessToken);
}
