import { Injectable } from '@nestjs/common';

import { ChannelsService } from '@app/channels';
import { JobName, JobsService } from '@app/jobs';

export const SCHEDULES = {
  outboxRelayMs: 30_000,
  reconcileMs: 60 * 60_000,
  subscribeCalendarSyncMs: 15 * 60_000,
} as const;

/** Repeating jobs: idempotent upserts, safe to run from every worker at start. */
@Injectable()
export class CampaignSchedulerService {
  constructor(
    private readonly jobs: JobsService,
    private readonly channels: ChannelsService,
  ) {}

  async scheduleAll(): Promise<void> {
    await this.jobs.schedule(
      'campaign-outbox-relay',
      JobName.CampaignOutboxRelay,
      {},
      SCHEDULES.outboxRelayMs,
    );
    for (const channel of await this.channels.list()) {
      await this.jobs.schedule(
        `campaign-reconcile-${channel.id}`,
        JobName.CampaignReconcile,
        { channelId: channel.id },
        SCHEDULES.reconcileMs,
      );
      await this.jobs.schedule(
        `subscribe-calendar-sync-${channel.id}`,
        JobName.SubscribeCalendarSync,
        { channelId: channel.id },
        SCHEDULES.subscribeCalendarSyncMs,
      );
    }
  }

  /**
   * On-demand runs: a burst of clicks queues one job, and a click while a run is in progress
   * queues exactly one more after it, so every request is followed by a run that started after
   * it. (A time-bucketed job id swallowed requests made after the bucket's job had finished.)
   */
  async requestReconcile(channelId: string): Promise<void> {
    await this.jobs.queue(
      JobName.CampaignReconcile,
      { channelId },
      { deduplication: { id: `reconcile-${channelId}`, keepLastIfActive: true } },
    );
  }

  async requestSubscribeCalendarSync(channelId: string): Promise<void> {
    await this.jobs.queue(
      JobName.SubscribeCalendarSync,
      { channelId },
      { deduplication: { id: `subscribe-sync-${channelId}`, keepLastIfActive: true } },
    );
  }
}
