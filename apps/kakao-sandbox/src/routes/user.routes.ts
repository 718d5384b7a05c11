import { insufficientScopes, KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { UsersService } from '@app/kakao-sandbox/users/users.service';

import type { FastifyRequest } from 'fastify';

/**
 * The Authorization header, or a Bearer built from an `access_token` query parameter: widely
 * used login clients (passport-kakao) send the token that way to `/v2/user/me` (2.7).
 */
function userInfoAuthorization(request: FastifyRequest): string | string[] | undefined {
  if (request.headers.authorization !== undefined) {
    return request.headers.authorization;
  }
  const query = request.query as Record<string, unknown> | undefined;
  const token = query?.access_token;
  return typeof token === 'string' && token !== '' ? `Bearer ${token}` : undefined;
}

/** `/v2/user/me` (GET or POST), `GET /v1/user/access_token_info`, `POST /v1/user/unlink` (2.6, 2.7). */
export function registerUserRoutes(kit: RouteKit): void {
  const { auth, users, oidc } = kit.services;

  kit.json(['GET', 'POST'], '/v2/user/me', (request, params) => {
    const { user, agreed } = auth.targetedUser(userInfoAuthorization(request), params);
    return users.me(
      user,
      agreed,
      UsersService.parsePropertyKeys(params.optionalJson('property_keys')),
      params.optionalBoolean('secure_resource') ?? false,
    );
  });

  // Retired like every retired API: 400 with -9, not a 404 (2.7, 9.2).
  kit.json(['GET', 'POST'], '/v1/user/me', () => {
    throw new KakaoError(400, -9, 'API has been retired');
  });

  // OIDC user info (2.8): GET or POST, Bearer of a token that carries `openid`.
  kit.json(['GET', 'POST'], '/v1/oidc/userinfo', (request) => {
    const { user, token } = auth.user(request.headers.authorization);
    if (!token.scopes.includes('openid')) {
      throw insufficientScopes('OIDC', ['openid'], [...token.scopes]);
    }
    return oidc.userInfo(user, token.scopes);
  });

  kit.get('/v1/user/access_token_info', (request) => {
    const { token } = auth.user(request.headers.authorization);
    return users.tokenInfo(token);
  });

  kit.post('/v1/user/unlink', (request, params) => {
    const { user } = auth.targetedUser(request.headers.authorization, params);
    return users.unlink(user);
  });
}
