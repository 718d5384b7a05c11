import { webhookAttempts, webhookDeliveries } from '@app/observability';

/** Counts one attempt, and the delivery when that attempt settled it (delivered or given up). */
export function countWebhookAttempt(delivered: boolean, willRetry: boolean): void {
  const result = delivered ? 'delivered' : willRetry ? 'retry' : 'failed';
  webhookAttempts.inc({ result });
  if (result !== 'retry') {
    webhookDeliveries.inc({ result });
  }
}
