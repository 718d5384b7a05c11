import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { createValidationPipe, HttpExceptionFilter } from '@app/common';
import { type AppConfig } from '@app/config';

import { ApiModule } from './api.module';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the HTTP API (not yet listening); shared by main.ts and the e2e tests. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule,
    new FastifyAdapter({
      trustProxy: config.api.trustedProxies.length > 0 ? config.api.trustedProxies : false,
      bodyLimit: 10 * 1024 * 1024,
    }),
    { logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1), bufferLogs: false },
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableCors({ exposedHeaders: ['Content-Range', 'X-Total-Count'] });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kakao Channel Campaign Console API')
      .setDescription(
        'Lists speak the ra-data-simple-rest format (sort, range, filter; total in Content-Range). ' +
          'Errors: { statusCode, code, message, errors?: { field: reason } }.',
      )
      .addBearerAuth()
      .addGlobalParameters({ name: 'X-Channel-Id', in: 'header', required: false })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/json' });
  return app;
}

export async function listen(app: INestApplication, config: AppConfig): Promise<string> {
  await app.listen(config.api.port, config.api.host);
  return app.getUrl();
}
