import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';

import { Public } from '@app/access';
import { DatabaseHealthService } from '@app/database';
import { RedisHealthService } from '@app/jobs';

import { type HealthReport, summarizeHealth } from './health-report';

interface StatusReply {
  status(code: number): unknown;
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealthService,
    private readonly redis: RedisHealthService,
  ) {}

  /** Liveness and readiness in one: 200 when Postgres and Redis answer, 503 otherwise. */
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
}
