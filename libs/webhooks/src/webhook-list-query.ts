import { DomainException, ErrorKind, type ListQueryRules } from '@app/common';

import { type WebhookDeliveryState, WEBHOOK_DELIVERY_STATES } from './webhook.enums';

/** Sorting and page size of `GET /api/webhooks`. */
export const WEBHOOK_LIST_RULES: ListQueryRules = {
  sortable: ['createdAt', 'updatedAt', 'url'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  maxPageSize: 100,
};

/** Sorting and page size of `GET /api/webhooks/:id/deliveries` (newest first). */
export const WEBHOOK_DELIVERY_LIST_RULES: ListQueryRules = {
  sortable: ['createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  maxPageSize: 200,
};

export interface WebhookDeliveryFilter {
  state?: WebhookDeliveryState;
  eventType?: string;
}

function invalid(field: string, reason: string): DomainException {
  return new DomainException(
    ErrorKind.BadInput,
    'list.invalid_query',
    `filter.${field}: ${reason}`,
    {
      [`filter.${field}`]: reason,
    },
  );
}

function rejectUnknown(filter: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(filter)) {
    if (!known.includes(key)) {
      throw invalid(
        key,
        known.length > 0 ? `unknown filter; use one of ${known.join(', ')}` : 'no filters here',
      );
    }
  }
}

/** The endpoint list has no filters; a key sent anyway is named in the 400. */
export function parseWebhookFilter(filter: Record<string, unknown>): void {
  rejectUnknown(filter, []);
}

export function parseWebhookDeliveryFilter(filter: Record<string, unknown>): WebhookDeliveryFilter {
  rejectUnknown(filter, ['state', 'eventType']);
  const out: WebhookDeliveryFilter = {};
  if (filter.state !== undefined) {
    if (!(WEBHOOK_DELIVERY_STATES as readonly unknown[]).includes(filter.state)) {
      throw invalid('state', `must be one of ${WEBHOOK_DELIVERY_STATES.join(', ')}`);
    }
    out.state = filter.state as WebhookDeliveryState;
  }
  if (filter.eventType !== undefined) {
    if (typeof filter.eventType !== 'string' || filter.eventType.length > 64) {
      throw invalid('eventType', 'must be an event type');
    }
    out.eventType = filter.eventType;
  }
  return out;
}
