import type { PING_EVENT, WebhookEventType } from './webhook.enums';

/** Counts of a blast run's ledger by delivery state, as `GET /api/blast-runs/:id` shows them. */
export type BlastRunCounts = Record<string, number>;

/**
 * The `data` of each event. Ids are strings, instants ISO 8601. Receivers should ignore fields
 * they do not know: new ones may be added.
 */
export interface WebhookEventData {
  [WebhookEventType.CampaignPublished]: {
    campaignId: string;
    name: string;
    revision: number | null;
    kakaoEventId: string | null;
    publishedAt: string | null;
    /** `published`, or `changed_since_publish` when the campaign was edited while publishing. */
    syncState: string;
  };
  [WebhookEventType.CampaignPublishFailed]: {
    campaignId: string;
    name: string;
    revision: number | null;
    errorCode: string | null;
    errorMessage: string | null;
  };
  [WebhookEventType.CampaignDrifted]: {
    campaignId: string;
    name: string;
    kakaoEventId: string | null;
    /** `drifted` (Kakao's copy differs) or `missing` (deleted on Kakao). */
    kakaoState: string;
    differences: unknown[];
  };
  [WebhookEventType.BlastStarted]: {
    blastId: string;
    runId: string;
    scheduledAt: string;
    startedAt: string;
  };
  [WebhookEventType.BlastPaused]: {
    blastId: string;
    runId: string;
    /** `manual`, `quota` or `quiet_hours`. */
    reason: string;
    resumeAt: string | null;
  };
  [WebhookEventType.BlastFinished]: {
    blastId: string;
    runId: string;
    finishedAt: string;
    total: number;
    counts: BlastRunCounts;
  };
  [WebhookEventType.BlastFailed]: {
    blastId: string;
    runId: string;
    /** Runs only end this way when a person cancels them: `cancelled`. */
    reason: string;
    finishedAt: string;
    total: number;
    counts: BlastRunCounts;
  };
  [PING_EVENT]: { endpointId: string; message: string };
}

/** The JSON body of every delivery, stored with the delivery so retries send the same bytes. */
export interface WebhookEnvelope<E extends keyof WebhookEventData = keyof WebhookEventData> {
  /** The event's id: the same in every retry and redelivery, so receivers can drop duplicates. */
  id: string;
  type: E;
  createdAt: string;
  channelId: string;
  data: WebhookEventData[E];
}
