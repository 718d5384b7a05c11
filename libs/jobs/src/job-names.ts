/** BullMQ queues; each has its own concurrency. Names stay valid under Redis Cluster hash tags. */
export enum QueueName {
  Campaigns = 'campaigns',
  Calendars = 'calendars',
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
}

/** Payloads hold ids only; the handler reads current state from Postgres. */
export interface JobPayloads {
  [JobName.CampaignOutboxProcess]: { outboxId: string; channelId: string };
  [JobName.CampaignOutboxRelay]: Record<string, never>;
  [JobName.CampaignReconcile]: { channelId: string };
  [JobName.SubscribeCalendarSync]: { channelId: string };
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.CampaignOutboxProcess]: QueueName.Campaigns,
  [JobName.CampaignOutboxRelay]: QueueName.Campaigns,
  [JobName.CampaignReconcile]: QueueName.Calendars,
  [JobName.SubscribeCalendarSync]: QueueName.Calendars,
};

export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Campaigns]: 8,
  [QueueName.Calendars]: 2,
};
