import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type QueueCounts, registerGaugeSources } from '@app/observability';

import { QueueName } from './job-names';
import { JobsService } from './jobs.service';

/**
 * Feeds the sampled gauges: BullMQ job counts per queue and the age of the oldest pending
 * campaign outbox row (the outbox is the queue in front of the campaigns queue). Read at scrape
 * time only, so an idle process makes no extra Redis or Postgres traffic.
 */
@Injectable()
export class QueueMetricsService implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.unregister = registerGaugeSources({
      queueCounts: () => this.queueCounts(),
      outboxLagSeconds: () => this.outboxLagSeconds(),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async queueCounts(): Promise<Record<string, QueueCounts>> {
    const entries = await Promise.all(
      Object.values(QueueName).map(async (name) => {
        const counts = await this.jobs
          .queueFor(name)
          .getJobCounts('waiting', 'active', 'delayed', 'failed');
        const queueCounts: QueueCounts = {
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
        };
        return [name, queueCounts] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  async outboxLagSeconds(): Promise<number> {
    const [row]: { lag: string | null }[] = await this.dataSource.query(
      `SELECT extract(epoch FROM now() - min(created_at)) AS lag
       FROM campaign_outbox WHERE status = 'pending'`,
    );
    return Math.max(0, Number(row?.lag ?? 0));
  }
}
