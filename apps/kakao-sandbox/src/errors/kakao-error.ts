/** Extra fields Kakao adds to some error bodies (the consent error of 2.5). */
export interface KakaoErrorExtras {
  api_type?: string;
  required_scopes?: string[];
  allowed_scopes?: string[];
}

export interface KakaoErrorBody extends KakaoErrorExtras {
  msg: string;
  code: number;
}

/** A kapi error: answered as `{msg, code}` with the HTTP status of contract section 9. */
export class KakaoError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly extras?: KakaoErrorExtras,
  ) {
    super(message);
    this.name = 'KakaoError';
  }

  toBody(): KakaoErrorBody {
    return { msg: this.message, code: this.code, ...this.extras };
  }
}

export function invalidParam(message: string): KakaoError {
  return new KakaoError(400, -2, message);
}

/** 9.3: unknown or deleted ids are `-2` with a "… not found" message, never a 404 code. */
export function notFound(what: string): KakaoError {
  return new KakaoError(400, -2, `${what} not found`);
}

export function notAllowed(message: string): KakaoError {
  return new KakaoError(403, -6, message);
}

export function noPermission(message: string): KakaoError {
  return new KakaoError(403, -5, message);
}

export function prerequisiteMissing(message: string): KakaoError {
  return new KakaoError(403, -3, message);
}

export function unauthorized(message: string): KakaoError {
  return new KakaoError(401, -401, message);
}

export function insufficientScopes(
  apiType: string,
  required: string[],
  allowed: string[],
): KakaoError {
  return new KakaoError(403, -402, 'insufficient scopes.', {
    api_type: apiType,
    required_scopes: required,
    allowed_scopes: allowed,
  });
}

export function notTalkUser(): KakaoError {
  return new KakaoError(400, -501, 'not a KakaoTalk user or a suspended KakaoTalk user.');
}

export function notLinkedUser(): KakaoError {
  return new KakaoError(400, -101, 'not registered user (not linked to the app).');
}

export function quotaExceeded(): KakaoError {
  return new KakaoError(400, -10, 'API limit has been exceeded.');
}

/** Errors of the `/__sandbox/` control API reuse the same body shape. */
export function controlNotFound(what: string): KakaoError {
  return new KakaoError(404, -2, `${what} not found`);
}
