export { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs, nextWebhookAttemptAt } from './webhook-backoff';
export type { WebhookAttemptEntity } from './webhook-attempt.entity';
export type { WebhookDeliveryEntity } from './webhook-delivery.entity';
export type { WebhookEndpointEntity } from './webhook-endpoint.entity';
export type { BlastRunCounts, WebhookEnvelope, WebhookEventData } from './webhook-events';
export {
  WEBHOOK_DELIVERY_LIST_RULES,
  WEBHOOK_LIST_RULES,
  WebhookDeliveryListFilter,
} from './webhook-list.filter';
export { signWebhook, verifyWebhookSignature } from './webhook-signature';
export { webhookUrlProblem } from './webhook-url';
export {
  CreateWebhookDto,
  toWebhookAttemptResponse,
  toWebhookDeliveryResponse,
  toWebhookEndpointResponse,
  UpdateWebhookDto,
} from './webhook.dto';
export type {
  WebhookAttemptResponse,
  WebhookDeliveryDetailResponse,
  WebhookDeliveryResponse,
  WebhookEndpointResponse,
  WebhookWithSecretResponse,
} from './webhook.dto';
export {
  PING_EVENT,
  WEBHOOK_DELIVERY_STATES,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryState,
  WebhookEventType,
} from './webhook.enums';
export { WebhookErrorCode, WebhookException } from './webhook.exception';
export { WEBHOOK_ENTITIES, WebhooksModule } from './webhooks.module';
export { WebhooksService } from './webhooks.service';
export type { WebhookActor, WebhookDeliveryDetail, WebhookWithSecret } from './webhooks.service';
