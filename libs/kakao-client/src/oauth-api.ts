// Kakao Login's OAuth 2.0 endpoints on kauth (contract 2.7): the consent URL, the code exchange
// and the refresh. Errors come back as KakaoApiError with kind `oauth` and `errorCode` (KOE…).

import { KakaoKeyMissingError } from './kakao-api.error';
import { type CallOptions, type KakaoRequester } from './kakao-requester';
import { type JsonObject } from './kakao-response';
import { type OAuthToken } from './kakao.types';
import { echoedId } from './response-readers';
import { encodeParams } from './wire-encoding';

/** OAuth credentials of the app; default to the client's configured keys. */
export interface OAuthCallOptions extends CallOptions {
  restApiKey?: string;
  clientSecret?: string;
}

export interface AuthorizeUrlInput {
  redirectUri: string;
  /** Consent ids to ask for, e.g. `['talk_message', 'talk_calendar']`. */
  scopes?: readonly string[];
  state?: string;
  prompt?: string;
}

export interface ExchangeCodeInput {
  code: string;
  redirectUri: string;
}

const PATH = {
  authorize: '/oauth/authorize',
  token: '/oauth/token',
} as const;

export class OAuthApi {
  constructor(private readonly requester: KakaoRequester) {}

  /** Where to send a person's browser to log in and consent. */
  authorizeUrl(input: AuthorizeUrlInput, options?: Pick<OAuthCallOptions, 'restApiKey'>): string {
    const query = encodeParams({
      client_id: this.clientId(options),
      redirect_uri: input.redirectUri,
      response_type: 'code',
      scope: input.scopes === undefined ? undefined : input.scopes.join(','),
      state: input.state,
      prompt: input.prompt,
    });
    const base = this.requester.options.authBaseUrl.replace(/\/+$/, '');
    return `${base}${PATH.authorize}?${query}`;
  }

  /** `grant_type=authorization_code`: trades the code from the redirect for tokens. */
  async exchangeCode(input: ExchangeCodeInput, options?: OAuthCallOptions): Promise<OAuthToken> {
    const body = await this.requester.auth(
      PATH.token,
      {
        grant_type: 'authorization_code',
        client_id: this.clientId(options),
        redirect_uri: input.redirectUri,
        code: input.code,
        client_secret: options?.clientSecret ?? this.requester.options.clientSecret,
      },
      options,
    );
    return oauthToken(body);
  }

  /**
   * `grant_type=refresh_token`: a new access token; the answer carries a new refresh token only
   * when the old one is near expiry.
   */
  async refreshAccessToken(refreshToken: string, options?: OAuthCallOptions): Promise<OAuthToken> {
    const body = await this.requester.auth(
      PATH.token,
      {
        grant_type: 'refresh_token',
        client_id: this.clientId(options),
        refresh_token: refreshToken,
        client_secret: options?.clientSecret ?? this.requester.options.clientSecret,
      },
      options,
    );
    return oauthToken(body);
  }

  private clientId(options: Pick<OAuthCallOptions, 'restApiKey'> | undefined): string {
    const key = options?.restApiKey ?? this.requester.options.restApiKey;
    if (key === undefined || key.length === 0) {
      throw new KakaoKeyMissingError('restApiKey');
    }
    return key;
  }
}

function oauthToken(body: JsonObject): OAuthToken {
  const token: OAuthToken = {
    token_type: typeof body.token_type === 'string' ? body.token_type : 'bearer',
    access_token: echoedId(body, 'access_token', PATH.token),
    expires_in: Number(body.expires_in ?? 0),
  };
  if (typeof body.refresh_token === 'string' && body.refresh_token.length > 0) {
    token.refresh_token = body.refresh_token;
  }
  if (body.refresh_token_expires_in !== undefined) {
    token.refresh_token_expires_in = Number(body.refresh_token_expires_in);
  }
  if (typeof body.scope === 'string') {
    token.scope = body.scope;
  }
  if (typeof body.id_token === 'string') {
    token.id_token = body.id_token;
  }
  return token;
}
