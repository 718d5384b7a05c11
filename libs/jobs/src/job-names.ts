import { type JobsOptions } from 'bullmq';

/** BullMQ queues; each has its own concurrency. Names stay valid under Redis Cluster hash tags. */
export enum QueueName {
  Campaigns = 'campaigns',
  Calendars = 'calendars',
  Recipients = 'recipients',
  Blasts = 'blasts',
  Webhooks = 'webhooks',
  Reach = 'reach',
}

/** Every job the console runs: entity first, then verb. */
export enum JobName {
  /** Works one outbox row: create, update or delete a public event at Kakao. */
  CampaignOutboxProcess = 'CampaignOutboxProcess',
  /** Re-enqueues outbox rows whose job was lost (Redis flushed, enqueue failed). */
  CampaignOutboxRelay = 'CampaignOutboxRelay',
  /** Compares Kakao's public events of a channel with our published campaigns. */
  CampaignReconcile = 'CampaignReconcile',
  /** Mirrors a channel's subscribe calendars into Postgres. */
  SubscribeCalendarSync = 'SubscribeCalendarSync',
  /** Starts a scheduled run of a blast: freezes the audience into the ledger. */
  BlastRunStart = 'BlastRunStart',
  /** Streams the audience into ledger batches and queues them. */
  BlastFanOut = 'BlastFanOut',
  /** Sends one ledger batch under the global rate limit. */
  BlastSendBatch = 'BlastSendBatch',
  /** Rebuilds blast jobs from the ledger and resumes paused runs whose time has come. */
  BlastReconcile = 'BlastReconcile',
  /** Reads an uploaded CSV, stages its rows and applies them in one transaction. */
  RecipientImportProcess = 'RecipientImportProcess',
  /** Fans out a channel relation check per channel (repeating). */
  RecipientRelationSyncAll = 'RecipientRelationSyncAll',
  /** Checks the channel relation (5.6) of a channel's recipients within a call budget. */
  RecipientChannelRelationSync = 'RecipientChannelRelationSync',
  /** Makes one attempt of a webhook delivery (POST to the endpoint) and plans the retry. */
  WebhookDeliver = 'WebhookDeliver',
  /** Re-queues pending webhook deliveries whose job was lost (repeating). */
  WebhookSweep = 'WebhookSweep',
  /** Folds the reach deltas written by triggers into the hourly rollups (repeating). */
  ReachFold = 'ReachFold',
  /** Checks a random sample of a campaign's recipients' calendars for follows / subscriptions. */
  ReachEstimate = 'ReachEstimate',
}

/** Payloads hold ids only; the handler reads current state from Postgres. */
export interface JobPayloads {
  [JobName.CampaignOutboxProcess]: { outboxId: string; channelId: string };
  [JobName.CampaignOutboxRelay]: Record<string, never>;
  [JobName.CampaignReconcile]: { channelId: string };
  [JobName.SubscribeCalendarSync]: { channelId: string };
  [JobName.BlastRunStart]: { runId: string; channelId: string };
  [JobName.BlastFanOut]: { runId: string; channelId: string };
  [JobName.BlastSendBatch]: { runId: string; channelId: string; batchNo: number };
  [JobName.BlastReconcile]: Record<string, never>;
  [JobName.RecipientImportProcess]: { importId: string; channelId: string };
  [JobName.RecipientRelationSyncAll]: Record<string, never>;
  [JobName.RecipientChannelRelationSync]: { channelId: string };
  [JobName.WebhookDeliver]: { deliveryId: string; channelId: string };
  [JobName.WebhookSweep]: Record<string, never>;
  [JobName.ReachFold]: Record<string, never>;
  [JobName.ReachEstimate]: { estimateId: string; channelId: string };
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.CampaignOutboxProcess]: QueueName.Campaigns,
  [JobName.CampaignOutboxRelay]: QueueName.Campaigns,
  [JobName.CampaignReconcile]: QueueName.Calendars,
  [JobName.SubscribeCalendarSync]: QueueName.Calendars,
  [JobName.BlastRunStart]: QueueName.Blasts,
  [JobName.BlastFanOut]: QueueName.Blasts,
  [JobName.BlastSendBatch]: QueueName.Blasts,
  [JobName.BlastReconcile]: QueueName.Blasts,
  [JobName.RecipientImportProcess]: QueueName.Recipients,
  [JobName.RecipientRelationSyncAll]: QueueName.Recipients,
  [JobName.RecipientChannelRelationSync]: QueueName.Recipients,
  [JobName.WebhookDeliver]: QueueName.Webhooks,
  [JobName.WebhookSweep]: QueueName.Webhooks,
  [JobName.ReachFold]: QueueName.Reach,
  [JobName.ReachEstimate]: QueueName.Reach,
};

export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Campaigns]: 8,
  [QueueName.Calendars]: 2,
  [QueueName.Recipients]: 2,
  [QueueName.Blasts]: 16,
  [QueueName.Webhooks]: 8,
  [QueueName.Reach]: 2,
};

/** How jobs of one name are queued: a job id from the payload (one live job per id) and retries. */
export interface JobSpec<N extends JobName> {
  jobId?: (data: JobPayloads[N]) => string;
  options?: JobsOptions;
}

/**
 * Ids and retry policies of the jobs that must exist once per thing they work on. Re-queueing
 * lost work by the same id is then safe from anywhere (see `JobsService.ensureQueued`).
 */
export const JOB_SPECS: { [N in JobName]?: JobSpec<N> } = {
  [JobName.BlastRunStart]: {
    jobId: (data) => `blast-${data.runId}-start`,
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  },
  [JobName.BlastFanOut]: {
    jobId: (data) => `blast-${data.runId}-fanout`,
    options: { attempts: 20, backoff: { type: 'exponential', delay: 1000 } },
  },
  [JobName.BlastSendBatch]: {
    jobId: (data) => `blast-${data.runId}-batch-${data.batchNo}`,
    // Rows are retried per recipient from the ledger; the job's own attempts cover its faults.
    options: { attempts: 9, backoff: { type: 'exponential', delay: 500, jitter: 0.5 } },
  },
  [JobName.ReachEstimate]: { jobId: (data) => `reach-estimate-${data.estimateId}` },
};
