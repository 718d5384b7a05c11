import { type IncomingMessage, type ServerResponse } from 'node:http';

import { type DynamicModule, type LogLevel } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import { type Options as PinoHttpOptions } from 'pino-http';

import { AppConfig } from '@app/config';

import { currentLogContext, requestIdFrom } from './log-context';

/** Nest's level names (LOG_LEVEL) as pino's. */
const PINO_LEVEL: Record<LogLevel, pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * Fields never written as they are: credentials in headers and in any logged object (one level
 * deep and under `req`/`body`/`err`). Query strings are dropped by the request serializer.
 */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'secret',
  'clientSecret',
  'client_secret',
  'adminKey',
  'restApiKey',
  'apiKey',
  'key',
  'authorization',
  'cookie',
];
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-ingest-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `body.${key}`, `err.${key}`]),
];

/** Credentials a message string may still carry (an error quoting a header or a URL). */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\b(Bearer|KakaoAK|Basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]'],
  [/\bkcc[a-z]*_[\w-]{8,}/g, '[redacted]'],
  [/([?&][^=\s&#]+=)[^\s&#"']*/g, '$1[redacted]'],
];

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, by]) => out.replace(pattern, by), text);
}

function pathOnly(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path;
}

export interface LoggerSetup {
  /** LOG_LEVEL, in Nest's names. */
  level: LogLevel;
  /** `api` or `worker`: the `service` field of every line. */
  service: string;
  /** Pretty lines for people (a terminal); JSON lines otherwise. */
  pretty?: boolean;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: DestinationStream;
}

/** Pretty on a terminal unless LOG_FORMAT=json; JSON whenever stdout is not a terminal. */
export function wantsPrettyLogs(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.LOG_FORMAT === 'json') {
    return false;
  }
  return env.LOG_FORMAT === 'pretty' || process.stdout.isTTY === true;
}

let testDestination: DestinationStream | undefined;

/** Sends the logs of apps created from now on to `stream` (tests); undefined restores stdout. */
export function useLogDestination(stream: DestinationStream | undefined): void {
  testDestination = stream;
}

export function pinoOptions(setup: LoggerSetup): LoggerOptions {
  return {
    level: PINO_LEVEL[setup.level],
    base: { service: setup.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Lines made in a job (or a request's handler) name the request and channel they serve.
    mixin: (_merge, _level, logger) => {
      const context = currentLogContext();
      if (!context) {
        return {};
      }
      const bound = logger.bindings();
      return Object.fromEntries(
        Object.entries(context).filter(([key, value]) => value !== undefined && !(key in bound)),
      );
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<
            typeof method
          >,
        );
      },
    },
    serializers: {
      req: (req: IncomingMessage & { id?: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOnly(req.url),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    ...(setup.pretty
      ? {
          transport: {
            // Resolved here: pino looks the name up from its caller, which a bundle or -e lacks.
            target: require.resolve('pino-pretty'),
            options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

/** nestjs-pino's parameters: one JSON line per request with its id, path (no query) and status. */
export function loggerParams(setup: LoggerSetup): Params {
  const destination = setup.destination ?? testDestination;
  const options = pinoOptions({ ...setup, pretty: destination ? false : setup.pretty });
  const httpOptions: PinoHttpOptions = {
    ...options,
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    // Behind Fastify the raw request already has its id (Fastify's genReqId); for other servers.
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers['x-request-id']),
    customProps: (req: IncomingMessage) => {
      const channel = req.headers['x-channel-id'];
      return typeof channel === 'string' && /^[0-9a-f-]{36}$/i.test(channel)
        ? { channelId: channel }
        : {};
    },
    // Health probes and scrapes every few seconds would drown everything else.
    autoLogging: {
      ignore: (req: IncomingMessage) => /^\/(api\/)?(health|metrics)/.test(pathOnly(req.url)),
    },
  };
  // A transport (pino-pretty) writes by itself; pino refuses a stream alongside it.
  return {
    pinoHttp: options.transport
      ? httpOptions
      : [httpOptions, destination ?? pino.destination({ dest: 1, sync: false })],
  };
}

/** nestjs-pino's module for an app: LOG_LEVEL from the config, pretty on a terminal. */
export function loggerModule(service: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) =>
      loggerParams({ level: config.logLevel, service, pretty: wantsPrettyLogs() }),
  });
}
