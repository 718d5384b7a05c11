import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  DatabaseHealthService,
  type DependencyHealth,
  schemaProblem,
  timeCheck,
} from '@app/database';

import { RedisHealthService } from './redis.module';

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  service: string;
  uptimeSeconds: number;
  checks: Record<string, DependencyHealth>;
}

/**
 * Readiness of an API or worker process: Postgres and Redis answer, the schema is migrated (and
 * no migration is running), and the process is not shutting down. Liveness is only "the event
 * loop answers", so a Postgres outage takes processes out of rotation without restarting them.
 */
@Injectable()
export class ReadinessService implements OnModuleDestroy {
  private shuttingDown = false;
  private expectedMigrations: readonly string[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseHealthService,
    private readonly redis: RedisHealthService,
  ) {}

  /** The migrations this build ships; without it the schema check only looks for a running one. */
  expectMigrations(names: readonly string[]): void {
    this.expectedMigrations = names;
  }

  /** Shutdown began (SIGTERM): answer not ready at once so the balancer stops sending traffic. */
  onModuleDestroy(): void {
    this.shuttingDown = true;
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async check(service: string): Promise<ReadinessReport> {
    const [postgres, redis] = await Promise.all([this.database.check(), this.redis.check()]);
    const checks: Record<string, DependencyHealth> = { postgres, redis };
    if (postgres.ok) {
      checks.schema = await timeCheck(async () => {
        const problem = await schemaProblem(this.dataSource, this.expectedMigrations);
        if (problem) {
          throw new Error(problem);
        }
      });
    }
    if (this.shuttingDown) {
      checks.process = { ok: false, latencyMs: 0, error: 'shutting down' };
    }
    return {
      status: Object.values(checks).every((check) => check.ok) ? 'ready' : 'unavailable',
      service,
      uptimeSeconds: Math.round(process.uptime()),
      checks,
    };
  }
}
