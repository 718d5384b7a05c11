import { FilterEnum, FilterText, type ListQueryRules } from '@app/common';

import { type WebhookDeliveryState, WEBHOOK_DELIVERY_STATES } from './webhook.enums';

/** Sorting and page size of `GET /api/webhooks`, which has no filter. */
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

/** `filter` of `GET /api/webhooks/:id/deliveries`. */
export class WebhookDeliveryListFilter {
  @FilterEnum(WEBHOOK_DELIVERY_STATES)
  state?: WebhookDeliveryState;

  /** An event type such as `blast.finished`. */
  @FilterText({ maxLength: 64 })
  eventType?: string;
}
