/** Events an endpoint can subscribe to (libs/webhooks/src/webhook.enums.ts). */
export const WEBHOOK_EVENT_TYPES = [
  'campaign.published',
  'campaign.publish_failed',
  'campaign.drifted',
  'blast.started',
  'blast.paused',
  'blast.finished',
  'blast.failed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** `GET /api/webhooks/:id`; `secret` only in the answers of create and rotate-secret. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  secret?: string;
}

/** `GET /api/webhooks/:id/deliveries`. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventType: WebhookEventType | 'ping';
  eventId: string;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookAttempt {
  id: string;
  attemptNo: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
}

/** `GET /api/webhook-deliveries/:id`. */
export interface WebhookDeliveryDetail extends WebhookDelivery {
  payload: unknown;
  attemptLog: WebhookAttempt[];
}
