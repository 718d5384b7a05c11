import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { UsersService } from '@app/kakao-sandbox/users/users.service';

/** `GET /v2/user/me`, `GET /v1/user/access_token_info`, `POST /v1/user/unlink` (2.6, 2.7). */
export function registerUserRoutes(kit: RouteKit): void {
  const { auth, users } = kit.services;

  kit.get('/v2/user/me', (request, params) => {
    const { user } = auth.targetedUser(request.headers.authorization, params);
    return users.me(user, UsersService.parsePropertyKeys(params.optionalJson('property_keys')));
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
