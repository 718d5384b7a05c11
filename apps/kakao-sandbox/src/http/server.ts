import Fastify, { type FastifyInstance, type onSendHookHandler } from 'fastify';

import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import {
  clientErrorHandler,
  createErrorHandler,
  frameworkErrorHandler,
  notFoundHandler,
} from '@app/kakao-sandbox/http/error-handler';
import { createFaultHook, delayAnswerHook } from '@app/kakao-sandbox/http/fault-hook';
import { parseFormBody } from '@app/kakao-sandbox/http/form-body';
import { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { createServices } from '@app/kakao-sandbox/http/services';
import { registerCalendarRoutes } from '@app/kakao-sandbox/routes/calendars.routes';
import { registerChannelRoutes } from '@app/kakao-sandbox/routes/channels.routes';
import { registerControlAppRoutes } from '@app/kakao-sandbox/routes/control-apps.routes';
import { registerControlMessageRoutes } from '@app/kakao-sandbox/routes/control-messages.routes';
import { registerControlSystemRoutes } from '@app/kakao-sandbox/routes/control-system.routes';
import { registerEventRoutes } from '@app/kakao-sandbox/routes/events.routes';
import { registerFriendRoutes } from '@app/kakao-sandbox/routes/friends.routes';
import { registerHolidayRoutes } from '@app/kakao-sandbox/routes/holidays.routes';
import { registerMessageRoutes } from '@app/kakao-sandbox/routes/messages.routes';
import { registerOAuthRoutes } from '@app/kakao-sandbox/routes/oauth.routes';
import { registerPublicEventRoutes } from '@app/kakao-sandbox/routes/public-events.routes';
import { registerSubscribeRoutes } from '@app/kakao-sandbox/routes/subscribe.routes';
import { registerTaskRoutes } from '@app/kakao-sandbox/routes/tasks.routes';
import { registerUserRoutes } from '@app/kakao-sandbox/routes/user.routes';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';

/** Bulk user creation answers can be large; request bodies are small forms or JSON. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface ServerOptions {
  /** Base of URLs handed out (`after_url`); defaults to the Host the client used. */
  publicUrl?: string;
  log: (error: unknown) => void;
}

function addBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, parseFormBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim();
    if (text === '') {
      done(null, {});
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalidParam('request body is not valid JSON'), undefined);
    }
  });
  // Clients that omit or mislabel the content type still send form bodies (curl -d, some SDKs).
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseFormBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** Kakao's label of every JSON answer (1.2); Fastify's own differs in case and spacing. */
const KAKAO_JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

const kakaoJsonContentType: onSendHookHandler = (_request, reply, payload, done) => {
  const type = reply.getHeader('content-type');
  if (typeof type === 'string' && type.startsWith('application/json')) {
    reply.header('content-type', KAKAO_JSON_CONTENT_TYPE);
  }
  done(null, payload);
};

/** Fastify alone (no Nest): the sandbox must never be what limits a benchmark. */
export function buildServer(context: SandboxContext, options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // Kakao serves each path with its listed method only (4.0); no implicit HEAD beside GET.
    exposeHeadRoutes: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  addBodyParsers(app);
  app.addHook('onRequest', createFaultHook(context.faults));
  app.addHook('onSend', kakaoJsonContentType);
  app.addHook('onSend', delayAnswerHook);
  app.setErrorHandler(createErrorHandler(options.log));
  app.setNotFoundHandler(notFoundHandler);

  const kit = new RouteKit(app, createServices(context), options.publicUrl);
  registerOAuthRoutes(kit);
  registerUserRoutes(kit);
  registerCalendarRoutes(kit);
  registerEventRoutes(kit);
  registerPublicEventRoutes(kit);
  registerSubscribeRoutes(kit);
  registerHolidayRoutes(kit);
  registerTaskRoutes(kit);
  registerMessageRoutes(kit);
  registerFriendRoutes(kit);
  registerChannelRoutes(kit);
  registerControlSystemRoutes(kit);
  registerControlAppRoutes(kit);
  registerControlMessageRoutes(kit);
  return app;
}
