import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryState,
  type WebhookEventType,
} from '@admin/webhooks/types';

/** What the create and edit forms hold. */
export interface WebhookFormValues {
  url: string;
  events: WebhookEventType[];
  description?: string | null;
  enabled?: boolean;
  version?: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The API's URL rule, checked before sending (libs/webhooks/src/webhook-url.ts decides): https,
 * or http to this machine only. Returns a translation key, or undefined when the URL is fine.
 */
export function webhookUrlError(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined; // `required()` speaks for empty fields.
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'app.webhooks.validation.url';
  }
  if (url.protocol === 'https:') {
    return undefined;
  }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    return undefined;
  }
  return url.protocol === 'http:' ? 'app.webhooks.validation.https' : 'app.webhooks.validation.url';
}

/** At least one event; the key is translated by react-admin. */
export function eventsError(value: unknown): string | undefined {
  return Array.isArray(value) && value.length > 0 ? undefined : 'app.webhooks.validation.events';
}

/** `POST /api/webhooks`: trimmed, events in their canonical order, nothing else. */
export function toCreateWebhook(values: WebhookFormValues) {
  const chosen = new Set(values.events);
  return {
    url: values.url.trim(),
    events: WEBHOOK_EVENT_TYPES.filter((event) => chosen.has(event)),
    description: (values.description ?? '').trim(),
    enabled: values.enabled ?? true,
  };
}

/** `PUT /api/webhooks/:id`: the editable fields and the version read (409 when stale). */
export function toUpdateWebhook(values: WebhookFormValues) {
  return { ...toCreateWebhook(values), version: values.version };
}

/** How one attempt went, for its chip: answered 2xx, answered otherwise, or no answer at all. */
export function attemptOutcome(statusCode: number | null): 'ok' | 'http_error' | 'no_answer' {
  if (statusCode === null) {
    return 'no_answer';
  }
  return statusCode >= 200 && statusCode < 300 ? 'ok' : 'http_error';
}

/** How often to ask again while a delivery still waits for its next attempt. */
export const PENDING_POLL_MS = 2000;

/**
 * The worker retries in the background: while any shown delivery is pending, the screen asks
 * again so "Retrying" turns into the outcome without a reload; then it stops.
 */
export function deliveriesPollInterval(
  rows: readonly { state: WebhookDeliveryState }[] | undefined,
): number | false {
  return rows?.some((row) => row.state === 'pending') ? PENDING_POLL_MS : false;
}
