import { numericIdOf } from '@app/kakao-sandbox/control/control-input';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { pathParam } from '@app/kakao-sandbox/http/path-params';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { buildStatsReport } from '@app/kakao-sandbox/stats/stats-report';
import { asObject } from '@app/kakao-sandbox/validation/json-reader';

const INBOX_LIMIT = { default: 100, max: 1000 } as const;

/** Control API: what users received, simulated taps, reach statistics. */
export function registerControlMessageRoutes(kit: RouteKit): void {
  const { inbox, usersAdmin, appsAdmin, context } = kit.services;

  kit.get('/__sandbox/users/:user_id/messages', (request, params) => {
    const user = usersAdmin.find(numericIdOf(pathParam(request, 'user_id')));
    const offset = params.optionalInteger('offset') ?? 0;
    const limit = params.optionalInteger('limit') ?? INBOX_LIMIT.default;
    if (offset < 0 || limit < 1 || limit > INBOX_LIMIT.max) {
      throw invalidParam(`offset must be >= 0 and limit between 1 and ${INBOX_LIMIT.max}`);
    }
    return inbox.list(user, offset, limit);
  });

  kit.post('/__sandbox/messages/:message_id/tap', (request) => {
    const body = asObject(request.body ?? {}, 'body');
    const button = body.button ?? 'fixed';
    if (button !== 'fixed' && button !== 'custom') {
      throw invalidParam('body.button must be fixed or custom');
    }
    return inbox.tap(pathParam(request, 'message_id'), button);
  });

  kit.get('/__sandbox/stats', (_request, params) => {
    const appParam = params.optionalString('app_id');
    const appId = appParam === undefined ? undefined : appsAdmin.find(numericIdOf(appParam)).id;
    return buildStatsReport(context.state, appId);
  });
}
