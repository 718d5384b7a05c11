import { OAuthError } from '@app/kakao-sandbox/errors/oauth-error';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import {
  CONSENT_DECISION_PATH,
  CONSENT_PAGE_USER_LIMIT,
  renderConsentPage,
  renderErrorPage,
} from '@app/kakao-sandbox/oauth/consent-page';
import type { ConsentDecision } from '@app/kakao-sandbox/oauth/oauth.service';
import { withQuery } from '@app/kakao-sandbox/oauth/redirect-uris';
import type { UserRecord } from '@app/kakao-sandbox/state/models';
import { RequestParams } from '@app/kakao-sandbox/validation/params';

import type { FastifyReply, FastifyRequest } from 'fastify';

function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/** Kakao shows client and redirect-URI errors as a page; the rest go back to the redirect URI. */
function answerAuthorizeError(
  request: FastifyRequest,
  reply: FastifyReply,
  params: RequestParams,
  error: OAuthError,
): FastifyReply {
  const redirectUri = params.optionalString('redirect_uri');
  if (error.errorCode !== 'KOE101' && error.errorCode !== 'KOE006' && redirectUri !== undefined) {
    return reply.redirect(
      withQuery(redirectUri, {
        error: error.error,
        error_description: error.message,
        state: params.optionalString('state'),
      }),
    );
  }
  if (wantsHtml(request)) {
    return reply
      .code(error.status)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(error.errorCode, error.message));
  }
  return reply.code(error.status).send(error.toBody());
}

function decisionOf(params: RequestParams): ConsentDecision {
  if (params.optionalString('action') === 'deny') {
    return { kind: 'deny' };
  }
  const userId = params.optionalString('user_id');
  if (userId === undefined || userId === 'new') {
    return { kind: 'new', nickname: params.optionalString('nickname') };
  }
  return { kind: 'existing', userId: /^\d{1,15}$/.test(userId) ? Number(userId) : -1 };
}

/** `GET /oauth/authorize` (consent page), its form target, `POST /oauth/token` (2.7), OIDC (2.8). */
export function registerOAuthRoutes(kit: RouteKit): void {
  const { oauth, oidc, context } = kit.services;

  kit.raw('GET', '/oauth/authorize', (request, reply) => {
    const params = RequestParams.from(request.query, undefined);
    try {
      const authorize = oauth.authorizeRequest(params);
      const users = authorize.app.userIds
        .slice(0, CONSENT_PAGE_USER_LIMIT)
        .map((id) => context.state.users.get(id))
        .filter((user): user is UserRecord => user !== undefined);
      const page = renderConsentPage(
        authorize,
        { clientId: params.requiredString('client_id'), scope: params.optionalString('scope') },
        users,
      );
      return reply.type('text/html; charset=utf-8').send(page);
    } catch (error) {
      if (error instanceof OAuthError) {
        return answerAuthorizeError(request, reply, params, error);
      }
      throw error;
    }
  });

  kit.raw('POST', CONSENT_DECISION_PATH, (request, reply) => {
    const params = RequestParams.from(request.query, request.body);
    try {
      const authorize = oauth.authorizeRequest(params);
      const location = oauth.decide(authorize, decisionOf(params));
      context.markChanged();
      return reply.redirect(location, 302);
    } catch (error) {
      if (error instanceof OAuthError) {
        return answerAuthorizeError(request, reply, params, error);
      }
      throw error;
    }
  });

  kit.post('/oauth/token', (request, params) => oauth.token(params, kit.baseUrl(request)));

  // OpenID Connect (2.8): discovery, keys and ID-token info on kauth.
  kit.get('/.well-known/openid-configuration', (request) => oidc.discovery(kit.baseUrl(request)));
  kit.get('/.well-known/jwks.json', () => oidc.jwks());
  kit.post('/oauth/tokeninfo', (_request, params) =>
    oidc.tokenInfo(params.optionalString('id_token')),
  );
}
