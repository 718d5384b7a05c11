import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';

import { Public } from '@app/access';
import { DatabaseHealthService } from '@app/database';
import { ReadinessService, type ReadinessReport, RedisHealthService } from '@app/jobs';

import { type HealthReport, summarizeHealth } from './health-report';

interface StatusReply {
  status(code: number): unknown;
}

/** Liveness (`/live`), readiness (`/ready`) and the combined dependency report (`/health`). */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealthService,
    private readonly redis: RedisHealthService,
    private readonly readiness: ReadinessService,
  ) {}

  /** 200 when Postgres and Redis answer, 503 otherwise (kept for existing monitors). */
  @Get()
  @HttpCode(HttpStatus.OK)
  async check(@Res({ passthrough: true }) reply: StatusReply): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([this.database.check(), this.redis.check()]);
    const report = summarizeHealth('api', { postgres, redis });
    if (report.status !== 'ok') {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    return report;
  }

  /** Liveness: the process answers. Never looks at Postgres or Redis, so an outage restarts nothing. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'ok'; service: string; uptimeSeconds: number } {
    return { status: 'ok', service: 'api', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Readiness: 503 while Postgres or Redis is unreachable, migrations are due or running, or shutting down. */
  @Get('ready')
  @HttpCode(HttpStatus.OK)
  async ready(@Res({ passthrough: true }) reply: StatusReply): Promise<ReadinessReport> {
    const report = await this.readiness.check('api');
    if (report.status !== 'ready') {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    return report;
  }
}
