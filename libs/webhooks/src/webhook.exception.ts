import { DomainException, ErrorKind } from '@app/common';

export enum WebhookErrorCode {
  NotFound = 'webhook.not_found',
  DeliveryNotFound = 'webhook.delivery_not_found',
  Invalid = 'webhook.invalid',
  VersionConflict = 'webhook.version_conflict',
  DeliveryPending = 'webhook.delivery_pending',
}

const KIND: Record<WebhookErrorCode, ErrorKind> = {
  [WebhookErrorCode.NotFound]: ErrorKind.NotFound,
  [WebhookErrorCode.DeliveryNotFound]: ErrorKind.NotFound,
  [WebhookErrorCode.Invalid]: ErrorKind.BadInput,
  [WebhookErrorCode.VersionConflict]: ErrorKind.Conflict,
  [WebhookErrorCode.DeliveryPending]: ErrorKind.Conflict,
};

export class WebhookException extends DomainException {
  constructor(
    code: WebhookErrorCode,
    message: string,
    errors?: Record<string, string>,
    details?: Record<string, unknown>,
  ) {
    super(KIND[code], code, message, errors, details);
  }
}
