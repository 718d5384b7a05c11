import { createServer, type Server, type ServerResponse } from 'node:http';

import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { AppConfig } from '@app/config';
import { DatabaseHealthService } from '@app/database';
import { ReadinessService, RedisHealthService } from '@app/jobs';
import { METRICS_CONTENT_TYPE, metricsRegistry } from '@app/observability';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * WORKER_HEALTH_PORT: `GET /health` (200 when Postgres and Redis answer), `/health/live`
 * (the process answers), `/health/ready` (dependencies, schema, not shutting down) and
 * `/metrics` (Prometheus). Bind it to a private interface: it has no authentication.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly database: DatabaseHealthService,
    private readonly redis: RedisHealthService,
    private readonly readiness: ReadinessService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (request.method !== 'GET') {
        sendJson(response, 404, { statusCode: 404, code: 'not_found', message: 'Not found' });
        return;
      }
      const answer = async (): Promise<void> => {
        switch (path) {
          case '/health': {
            const body = await this.report();
            sendJson(response, body.status === 'ok' ? 200 : 503, body);
            return;
          }
          case '/health/live':
            sendJson(response, 200, {
              status: 'ok',
              service: 'worker',
              uptimeSeconds: Math.round(process.uptime()),
            });
            return;
          case '/health/ready': {
            const body = await this.readiness.check('worker');
            sendJson(response, body.status === 'ready' ? 200 : 503, body);
            return;
          }
          case '/metrics': {
            const text = await metricsRegistry.metrics();
            response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE });
            response.end(text);
            return;
          }
          default:
            sendJson(response, 404, { statusCode: 404, code: 'not_found', message: 'Not found' });
        }
      };
      answer().catch((error: unknown) => {
        this.logger.error(`Health port: ${error instanceof Error ? error.message : String(error)}`);
        sendJson(response, 500, { statusCode: 500, code: 'internal', message: 'Internal error' });
      });
    });
    const { host, port } = this.config.workerHealth;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, resolve);
    });
    this.logger.log(`Worker health on http://${host}:${this.port()}/health (metrics: /metrics)`);
  }

  /** The bound port (differs from the configured one when that is 0). */
  port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async report(): Promise<{ status: 'ok' | 'unavailable'; service: string; checks: object }> {
    const [postgres, redis] = await Promise.all([this.database.check(), this.redis.check()]);
    return {
      status: postgres.ok && redis.ok ? 'ok' : 'unavailable',
      service: 'worker',
      checks: { postgres, redis },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
