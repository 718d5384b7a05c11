import { existsSync, statSync } from 'node:fs';
import { type IncomingMessage } from 'node:http';
import { dirname, join, normalize, resolve, sep } from 'node:path';

import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';

import {
  bodyMediaTypeGuard,
  parseJsonBody,
  createValidationPipe,
  HttpExceptionFilter,
  toErrorEnvelope,
} from '@app/common';
import { type AppConfig } from '@app/config';
import { ReadinessService } from '@app/jobs';
import { ALL_MIGRATIONS } from '@app/migrations';
import {
  echoRequestId,
  enterLogContextPerRequest,
  recordHttpMetrics,
  requestIdFrom,
} from '@app/observability';
import { CSV_UPLOAD_CONTENT_TYPES, IMPORTS, RAW_CSV_CONTENT_TYPES } from '@app/recipients';

import { ApiModule } from './api.module';
import { kakaoErrorAsDomain } from './kakao-error-envelope';
import { createOpenApiDocument } from './openapi-document';
import { mountQueueBoard } from './queue-board/mount-queue-board';
import { QUEUE_BOARD_PATH } from './queue-board/queue-board.constants';

/** `apps/admin/dist` of the checkout this code runs from (source or `dist/`), if it was built. */
export function findAdminDist(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'admin', 'dist');
    if (existsSync(join(candidate, 'index.html'))) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

/**
 * Bodies by route: JSON everywhere; the CSV uploads also take multipart and raw CSV, and the
 * buttons of the public pages (plain HTML forms) post `application/x-www-form-urlencoded`.
 */
const BODY_MEDIA_TYPES = {
  everywhere: ['application/json'],
  byRoute: {
    'POST /api/recipients/imports': CSV_UPLOAD_CONTENT_TYPES,
    'POST /api/audiences/:id/imports': CSV_UPLOAD_CONTENT_TYPES,
    'POST /join/:channelPublicId/start': ['application/x-www-form-urlencoded'],
    'POST /l/:token/follow': ['application/x-www-form-urlencoded'],
    'POST /l/:token/subscribe': ['application/x-www-form-urlencoded'],
  },
};

/**
 * A source for the queue board's pages, another for everything else: Bull Board links Google
 * Fonts, and the admin UI frames the board from its own origin.
 */
const onQueueBoard =
  (source: string, elsewhere = "'self'") =>
  (request: IncomingMessage): string =>
    request.url === QUEUE_BOARD_PATH || request.url?.startsWith(`${QUEUE_BOARD_PATH}/`)
      ? source
      : elsewhere;

/**
 * The admin UI, Swagger UI, the queue board and every API answer. The public pages send a
 * stricter policy of their own (PUBLIC_PAGE_HEADERS), which replaces this one.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    frameAncestors: [onQueueBoard("'self'", "'none'")],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    scriptSrc: ["'self'"],
    // MUI (emotion), Swagger UI and the board write style elements and attributes.
    styleSrc: ["'self'", "'unsafe-inline'", onQueueBoard('https://fonts.googleapis.com')],
    // Blast and banner images are previewed from wherever they are hosted.
    imgSrc: ["'self'", 'data:', 'https:'],
    fontSrc: ["'self'", 'data:', onQueueBoard('https://fonts.gstatic.com')],
    connectSrc: ["'self'"],
  },
};

const JSON_BODY_LIMIT = 10 * 1024 * 1024;

const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** The URL's path, percent-decoded; undefined when it does not decode. */
function decodedPath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
}

/**
 * Serves the built admin UI at `/` from the Fastify instance itself, so these routes never reach
 * Nest (no guards, no access rules: they are static files, public by nature). Hashed assets are
 * cached for good; any other path without a file answers `index.html` (the SPA's entry), while
 * `/api/*` paths Nest does not know keep the API's JSON 404.
 */
async function serveAdmin(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = decodedPath(request.url);
      if (path === undefined || isApiPath(path)) {
        return reply.callNotFound();
      }
      const file = normalize(path).replace(/^[/\\]+/, '');
      const absolute = resolve(root, file);
      if (
        file !== '' &&
        absolute.startsWith(root + sep) &&
        existsSync(absolute) &&
        statSync(absolute).isFile()
      ) {
        reply.header(
          'cache-control',
          file.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        return reply.sendFile(file);
      }
      // A path that names a file (has an extension) but none exists: a real 404.
      if (/\.[a-z0-9]+$/i.test(file)) {
        return reply.callNotFound();
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
}

/** Builds the HTTP API (not yet listening); shared by main.ts and the e2e tests. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule,
    new FastifyAdapter({
      trustProxy: config.api.trustedProxies.length > 0 ? config.api.trustedProxies : false,
      bodyLimit: JSON_BODY_LIMIT,
      // The caller's X-Request-Id (a plain token) or a new UUID: logs and queued jobs carry it.
      genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id']),
      // The router's own refusals (a broken percent-encoding, a path parameter over its limit)
      // answer before any hook or filter: in the API's envelope too.
      frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
        const envelope = toErrorEnvelope(error);
        void reply.code(envelope.statusCode).send(envelope);
      },
    }),
    // Boot logs wait for the pino logger (JSON lines, LOG_LEVEL), which replaces Nest's own.
    { bufferLogs: true },
  );
  app.useBodyParser('application/json', { bodyLimit: JSON_BODY_LIMIT }, parseJsonBody);
  app.useLogger(app.get(Logger));
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Whether the console is only ever reached over HTTPS is the deployment's call.
    strictTransportSecurity: false,
  });
  recordHttpMetrics(app.getHttpAdapter().getInstance());
  echoRequestId(app.getHttpAdapter().getInstance());
  enterLogContextPerRequest(app.getHttpAdapter().getInstance());
  // CSV imports stream: multipart files and raw text/csv bodies reach the handler unbuffered.
  // The parsers serve every route Fastify knows, so the guard keeps them to the upload routes.
  app.getHttpAdapter().getInstance().addHook('preParsing', bodyMediaTypeGuard(BODY_MEDIA_TYPES));
  await app.register(multipart, {
    limits: { fileSize: IMPORTS.maxFileBytes + 1024 * 1024, files: 1, fields: 10 },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(RAW_CSV_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
  // Pages for people (opt-in at /join/:channel, tracking links /r and /l) sit outside `/api`.
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'join/:channelPublicId', method: RequestMethod.GET },
      { path: 'join/:channelPublicId/start', method: RequestMethod.POST },
      { path: 'join/:channelPublicId/callback', method: RequestMethod.GET },
      { path: 'r/:token', method: RequestMethod.GET },
      { path: 'l/:token', method: RequestMethod.GET },
      { path: 'l/:token/follow', method: RequestMethod.POST },
      { path: 'l/:token/subscribe', method: RequestMethod.POST },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter([kakaoErrorAsDomain]));
  app.enableCors({ exposedHeaders: ['Content-Range', 'X-Total-Count'] });
  app.enableShutdownHooks();
  app.get(ReadinessService).expectMigrations(ALL_MIGRATIONS.map((migration) => migration.name));
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/json' });
  // Before the admin UI: the board registers its own @fastify/static in its scope.
  await mountQueueBoard(app);
  const adminDist = findAdminDist();
  if (adminDist) {
    await serveAdmin(app, adminDist);
  }
  return app;
}

export async function listen(app: INestApplication, config: AppConfig): Promise<string> {
  await app.listen(config.api.port, config.api.host);
  return app.getUrl();
}
