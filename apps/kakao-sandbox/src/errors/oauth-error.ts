/** The error codes of kauth that the sandbox emits (2.7). */
export type OAuthErrorCode =
  'KOE001' | 'KOE006' | 'KOE010' | 'KOE101' | 'KOE205' | 'KOE320' | 'KOE322' | 'KOE400';

export interface OAuthErrorBody {
  error: string;
  error_description: string;
  error_code: OAuthErrorCode;
}

/** A kauth error: answered in the OAuth shape, not kapi's `{msg, code}`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly errorCode: OAuthErrorCode,
    description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  toBody(): OAuthErrorBody {
    return { error: this.error, error_description: this.message, error_code: this.errorCode };
  }
}

export function invalidClient(description: string): OAuthError {
  return new OAuthError(401, 'invalid_client', 'KOE101', description);
}

export function badClientCredentials(): OAuthError {
  return new OAuthError(401, 'invalid_client', 'KOE010', 'Bad client credentials');
}

export function unregisteredRedirectUri(): OAuthError {
  return new OAuthError(400, 'invalid_request', 'KOE006', 'Redirect URI is not registered.');
}

export function invalidAuthorizationCode(): OAuthError {
  return new OAuthError(400, 'invalid_grant', 'KOE320', 'authorization code not found for code');
}

export function invalidRefreshToken(): OAuthError {
  return new OAuthError(400, 'invalid_grant', 'KOE322', 'Invalid refresh token or expired.');
}

export function invalidOAuthRequest(description: string): OAuthError {
  return new OAuthError(400, 'invalid_request', 'KOE001', description);
}

export function invalidScope(description: string): OAuthError {
  return new OAuthError(400, 'invalid_scope', 'KOE205', description);
}

/** An ID token that is malformed, not ours, or expired (OIDC token info). */
export function invalidIdToken(description: string): OAuthError {
  return new OAuthError(400, 'invalid_token', 'KOE400', description);
}
