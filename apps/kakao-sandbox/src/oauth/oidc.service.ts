import { createHash } from 'node:crypto';

import { type CryptoKey, exportJWK, generateKeyPair, type JWK, jwtVerify, SignJWT } from 'jose';

import type { Scope } from '@app/kakao-sandbox/auth/scopes';
import { invalidIdToken } from '@app/kakao-sandbox/errors/oauth-error';
import type { AppRecord, UserRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import {
  ACCESS_TOKEN_TTL_S,
  emailOf,
  profileImagesOf,
} from '@app/kakao-sandbox/users/users.service';

/** Key id of the sandbox's one signing key; a new key (and id) on every start. */
const KEY_ID_PREFIX = 'sandbox-';

export interface IdTokenInput {
  issuer: string;
  app: AppRecord;
  user: UserRecord;
  scopes: readonly Scope[];
  nonce?: string;
  authTimeMs: number;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** Claims of the ID token and of OIDC user info that the agreed items unlock (2.8). */
function profileClaims(
  user: UserRecord,
  scopes: readonly Scope[],
): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {};
  if (scopes.includes('profile_nickname')) {
    claims.nickname = user.nickname;
  }
  if (scopes.includes('profile_image')) {
    claims.picture = profileImagesOf(user).profile;
  }
  if (scopes.includes('account_email')) {
    claims.email = emailOf(user);
  }
  return claims;
}

/**
 * Kakao Login as an OpenID Connect provider (2.8): discovery, JWKS, RS256 ID tokens with
 * `nonce`, ID-token info and OIDC user info. The issuer is the sandbox's own base URL so that
 * generic OIDC clients pointed at its discovery document accept what it signs.
 */
export class OidcService {
  private key?: Promise<SigningKey>;

  constructor(private readonly context: SandboxContext) {}

  discovery(issuer: string): Record<string, unknown> {
    return {
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      userinfo_endpoint: `${issuer}/v1/oidc/userinfo`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      token_endpoint_auth_methods_supported: ['client_secret_post'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      request_uri_parameter_supported: false,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      claims_supported: [
        'iss',
        'aud',
        'sub',
        'auth_time',
        'exp',
        'iat',
        'nonce',
        'nickname',
        'picture',
        'email',
      ],
    };
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const { publicJwk } = await this.signingKey();
    return { keys: [publicJwk] };
  }

  async idToken(input: IdTokenInput): Promise<string> {
    const { kid, privateKey } = await this.signingKey();
    const nowS = Math.floor(this.context.now() / 1000);
    return new SignJWT({
      auth_time: Math.floor(input.authTimeMs / 1000),
      ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
      ...profileClaims(input.user, input.scopes),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(input.issuer)
      .setAudience(input.app.restApiKey)
      .setSubject(String(input.user.id))
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + ACCESS_TOKEN_TTL_S)
      .sign(privateKey);
  }

  /** `POST /oauth/tokeninfo`: the verified claims of an ID token this sandbox issued. */
  async tokenInfo(idToken: string | undefined): Promise<Record<string, unknown>> {
    if (idToken === undefined || idToken === '') {
      throw invalidIdToken('id_token is required');
    }
    const { publicJwk } = await this.signingKey();
    try {
      const { payload } = await jwtVerify(idToken, publicJwk, {
        algorithms: ['RS256'],
        currentDate: new Date(this.context.now()),
      });
      return { ...payload };
    } catch (error) {
      throw invalidIdToken(`invalid id_token: ${(error as Error).message}`);
    }
  }

  /** OIDC user info: `sub` plus the claims of the items the token carries. */
  userInfo(user: UserRecord, scopes: readonly Scope[]): Record<string, string | boolean> {
    const claims = profileClaims(user, scopes);
    if (claims.email !== undefined) {
      claims.email_verified = true;
    }
    return { sub: String(user.id), ...claims };
  }

  private signingKey(): Promise<SigningKey> {
    this.key ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      const publicJwk = await exportJWK(publicKey);
      const kid = `${KEY_ID_PREFIX}${createHash('sha256').update(JSON.stringify(publicJwk)).digest('base64url').slice(0, 16)}`;
      return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' } };
    })();
    return this.key;
  }
}

/** PKCE (RFC 7636): does `verifier` answer the challenge of the authorize request? */
export function pkceVerifierMatches(
  verifier: string,
  challenge: string,
  method: 'S256' | 'plain',
): boolean {
  const computed =
    method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  return computed === challenge;
}
