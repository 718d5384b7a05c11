import { createServer, type Server } from 'node:http';

import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { AppConfig } from '@app/config';
import { DatabaseHealthService } from '@app/database';
import { RedisHealthService } from '@app/jobs';

/** `GET /health` on WORKER_HEALTH_PORT: 200 when Postgres and Redis answer, 503 otherwise. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly database: DatabaseHealthService,
    private readonly redis: RedisHealthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== '/health') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ statusCode: 404, code: 'not_found', message: 'Not found' }));
        return;
      }
      void this.report().then((body) => {
        response.writeHead(body.status === 'ok' ? 200 : 503, {
          'content-type': 'application/json',
        });
        response.end(JSON.stringify(body));
      });
    });
    const { host, port } = this.config.workerHealth;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, resolve);
    });
    this.logger.log(`Worker health on http://${host}:${this.port()}/health`);
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
