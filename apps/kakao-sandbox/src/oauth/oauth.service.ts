import {
  isLoginConsentItem,
  isScope,
  loginConsentItemsOf,
  type Scope,
} from '@app/kakao-sandbox/auth/scopes';
import {
  badClientCredentials,
  invalidAuthorizationCode,
  invalidClient,
  invalidOAuthRequest,
  invalidRefreshToken,
  invalidScope,
  OAuthError,
  unregisteredRedirectUri,
} from '@app/kakao-sandbox/errors/oauth-error';
import { type OidcService, pkceVerifierMatches } from '@app/kakao-sandbox/oauth/oidc.service';
import { isRegisteredRedirectUri, withQuery } from '@app/kakao-sandbox/oauth/redirect-uris';
import { newAuthorizationCode } from '@app/kakao-sandbox/state/ids';
import type { AppRecord, UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import {
  ACCESS_TOKEN_TTL_S,
  REFRESH_RENEW_WINDOW_S,
  REFRESH_TOKEN_TTL_S,
  type UsersService,
} from '@app/kakao-sandbox/users/users.service';
import type { RequestParams } from '@app/kakao-sandbox/validation/params';

/** Authorization codes work once, for 10 minutes (2.7). */
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60 * 1000;

export interface AuthorizeRequest {
  app: AppRecord;
  redirectUri: string;
  /** Consent items asked for; empty means "what the user already agreed to". */
  scopes: Scope[];
  state?: string;
  /** OIDC: echoed in the ID token. */
  nonce?: string;
  /** PKCE (RFC 7636), as Kakao's SDKs send it. */
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
}

export type ConsentDecision =
  { kind: 'deny' } | { kind: 'existing'; userId: number } | { kind: 'new'; nickname?: string };

export interface TokenResponse {
  token_type: 'bearer';
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  scope?: string;
  /** OIDC only: present when the granted items include `openid` (2.8). */
  id_token?: string;
}

/** Kakao Login's authorization-code flow (2.7): authorize, consent, token, refresh. */
export class OAuthService {
  constructor(
    private readonly context: SandboxContext,
    private readonly users: UsersService,
    private readonly oidc: OidcService,
  ) {}

  /** Validates the parameters of `/oauth/authorize`; client and redirect errors are pages. */
  authorizeRequest(params: RequestParams): AuthorizeRequest {
    const app = this.appByClientId(params.optionalString('client_id'));
    const redirectUri = params.optionalString('redirect_uri');
    if (redirectUri === undefined || !isRegisteredRedirectUri(redirectUri, app.redirectUris)) {
      throw unregisteredRedirectUri();
    }
    const responseType = params.optionalString('response_type');
    if (responseType !== 'code') {
      throw invalidOAuthRequest('response_type must be code');
    }
    const enabled = loginConsentItemsOf(app);
    const scopes: Scope[] = [];
    // Kakao separates scope ids with a comma; OIDC clients send them space-separated.
    for (const item of (params.optionalString('scope') ?? '').split(/[,\s]+/)) {
      const scope = item.trim();
      if (scope === '') {
        continue;
      }
      if (!isScope(scope) || (isLoginConsentItem(scope) && !enabled.includes(scope))) {
        throw invalidScope(`scope ${scope} is not a consent item of this app`);
      }
      scopes.push(scope);
    }
    // Without `scope`, Kakao's consent screen asks for every item the app enabled.
    if (scopes.length === 0) {
      scopes.push(...enabled);
    }
    const codeChallenge = params.optionalString('code_challenge');
    const method = params.optionalString('code_challenge_method') ?? 'S256';
    if (method !== 'S256' && method !== 'plain') {
      throw invalidOAuthRequest('code_challenge_method must be S256 or plain');
    }
    return {
      app,
      redirectUri,
      scopes,
      state: params.optionalString('state'),
      nonce: params.optionalString('nonce'),
      codeChallenge,
      codeChallengeMethod: codeChallenge === undefined ? undefined : method,
    };
  }

  /** Where the browser goes after the consent page: `code` and `state`, or `error`. */
  decide(request: AuthorizeRequest, decision: ConsentDecision): string {
    if (decision.kind === 'deny') {
      return withQuery(request.redirectUri, {
        error: 'access_denied',
        error_description: 'User denied access',
        state: request.state,
      });
    }
    const user = this.consentingUser(request.app, decision);
    if (request.scopes.length > 0) {
      this.users.grantScopes(user, request.scopes);
    }
    user.linked = true;
    const code = newAuthorizationCode();
    this.context.state.authCodes.set(code, {
      code,
      appId: request.app.id,
      userId: user.id,
      redirectUri: request.redirectUri,
      scopes: user.scopes,
      expiresAt: this.context.now() + AUTHORIZATION_CODE_TTL_MS,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallengeMethod,
      authTime: this.context.now(),
      // Kakao issues an ID token only when this request asks for openid, even if an earlier
      // consent granted it (a later consent for more items must name openid again).
      openid: request.scopes.includes('openid'),
    });
    return withQuery(request.redirectUri, { code, state: request.state });
  }

  /** `POST /oauth/token` for `authorization_code` and `refresh_token`; `issuer` signs ID tokens. */
  async token(params: RequestParams, issuer: string): Promise<TokenResponse> {
    const app = this.appByClientId(params.optionalString('client_id'));
    const secret = params.optionalString('client_secret');
    // A secret is checked only when the app requires one; clients that always send one (2.7).
    if (app.requireClientSecret && secret !== app.clientSecret) {
      throw badClientCredentials();
    }
    const grantType = params.optionalString('grant_type');
    if (grantType === 'authorization_code') {
      return this.exchangeCode(app, params, issuer);
    }
    if (grantType === 'refresh_token') {
      return this.refresh(app, params, issuer);
    }
    throw new OAuthError(
      400,
      'unsupported_grant_type',
      'KOE001',
      'grant_type must be authorization_code or refresh_token',
    );
  }

  private async exchangeCode(
    app: AppRecord,
    params: RequestParams,
    issuer: string,
  ): Promise<TokenResponse> {
    const { state } = this.context;
    const code = params.optionalString('code');
    const record = code === undefined ? undefined : state.authCodes.get(code);
    if (!record || record.appId !== app.id || record.expiresAt <= this.context.now()) {
      throw invalidAuthorizationCode();
    }
    if (params.optionalString('redirect_uri') !== record.redirectUri) {
      throw unregisteredRedirectUri();
    }
    if (record.codeChallenge !== undefined) {
      const verifier = params.optionalString('code_verifier');
      if (
        verifier === undefined ||
        !pkceVerifierMatches(verifier, record.codeChallenge, record.codeChallengeMethod ?? 'S256')
      ) {
        state.authCodes.delete(record.code);
        throw new OAuthError(400, 'invalid_grant', 'KOE320', 'code_verifier does not match');
      }
    }
    state.authCodes.delete(record.code);
    const user = state.users.get(record.userId);
    if (!user) {
      throw invalidAuthorizationCode();
    }
    const { access, refresh } = this.users.issueTokens(user, record.scopes);
    const response: TokenResponse = {
      token_type: 'bearer',
      access_token: access.token,
      expires_in: ACCESS_TOKEN_TTL_S,
      refresh_token: refresh.token,
      refresh_token_expires_in: REFRESH_TOKEN_TTL_S,
      scope: record.scopes.join(' '),
    };
    if (record.openid ?? record.scopes.includes('openid')) {
      response.id_token = await this.oidc.idToken({
        issuer,
        app,
        user,
        scopes: record.scopes,
        nonce: record.nonce,
        authTimeMs: record.authTime ?? this.context.now(),
      });
    }
    return response;
  }

  private async refresh(
    app: AppRecord,
    params: RequestParams,
    issuer: string,
  ): Promise<TokenResponse> {
    const { state } = this.context;
    const now = this.context.now();
    const token = params.optionalString('refresh_token');
    const record = token === undefined ? undefined : state.refreshTokens.get(token);
    const user = record === undefined ? undefined : state.users.get(record.userId);
    if (!record || !user || !user.linked || record.appId !== app.id || record.expiresAt <= now) {
      throw invalidRefreshToken();
    }
    const access = this.users.issueAccessToken(user, record.scopes);
    const response: TokenResponse = {
      token_type: 'bearer',
      access_token: access.token,
      expires_in: ACCESS_TOKEN_TTL_S,
      scope: record.scopes.join(' '),
    };
    if (record.expiresAt - now < REFRESH_RENEW_WINDOW_S * 1000) {
      state.refreshTokens.delete(record.token);
      const renewed = this.users.issueRefreshToken(user, record.scopes);
      response.refresh_token = renewed.token;
      response.refresh_token_expires_in = REFRESH_TOKEN_TTL_S;
    }
    if (record.scopes.includes('openid')) {
      // A refreshed login gets a new ID token too; no nonce, as no authorize request came.
      response.id_token = await this.oidc.idToken({
        issuer,
        app,
        user,
        scopes: record.scopes,
        authTimeMs: user.connectedAt,
      });
    }
    return response;
  }

  private consentingUser(
    app: AppRecord,
    decision: Exclude<ConsentDecision, { kind: 'deny' }>,
  ): UserRecord {
    if (decision.kind === 'existing') {
      const user = this.context.state.users.get(decision.userId);
      if (!user || user.appId !== app.id) {
        throw invalidOAuthRequest('the chosen user does not belong to this app');
      }
      return user;
    }
    return this.users.createUser(app, { nickname: decision.nickname });
  }

  private appByClientId(clientId: string | undefined): AppRecord {
    const { state } = this.context;
    const appId = clientId === undefined ? undefined : state.appIdByRestKey.get(clientId);
    const app = appId === undefined ? undefined : state.apps.get(appId);
    if (!app) {
      throw invalidClient(`Not exist client_id [${clientId ?? ''}]`);
    }
    return app;
  }
}
