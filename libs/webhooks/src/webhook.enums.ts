/** Events an endpoint can subscribe to; `<entity>.<what happened>`. */
export enum WebhookEventType {
  CampaignPublished = 'campaign.published',
  CampaignPublishFailed = 'campaign.publish_failed',
  CampaignDrifted = 'campaign.drifted',
  BlastStarted = 'blast.started',
  BlastPaused = 'blast.paused',
  BlastFinished = 'blast.finished',
  BlastFailed = 'blast.failed',
}

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WebhookEventType);

/** Sent only by `POST /api/webhooks/:id/test`; nobody subscribes to it. */
export const PING_EVENT = 'ping';

/** What a delivery row can carry: a subscribable event or the test ping. */
export type WebhookDeliveryEvent = WebhookEventType | typeof PING_EVENT;

export enum WebhookDeliveryState {
  Pending = 'pending',
  Delivered = 'delivered',
  Failed = 'failed',
}

export const WEBHOOK_DELIVERY_STATES: readonly WebhookDeliveryState[] =
  Object.values(WebhookDeliveryState);
