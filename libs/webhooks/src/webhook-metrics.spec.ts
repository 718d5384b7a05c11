import { webhookAttempts, webhookDeliveries } from '@app/observability';

import { countWebhookAttempt } from './webhook-metrics';

async function counts(counter: typeof webhookAttempts): Promise<Record<string, number>> {
  return Object.fromEntries(
    (await counter.get()).values.map((value) => [String(value.labels.result), value.value]),
  );
}

describe('webhook metrics', () => {
  it('count every attempt by result and a delivery only when it settles', async () => {
    webhookAttempts.reset();
    webhookDeliveries.reset();
    countWebhookAttempt(false, true);
    countWebhookAttempt(false, true);
    countWebhookAttempt(true, false);
    countWebhookAttempt(false, false);
    expect(await counts(webhookAttempts)).toEqual({ retry: 2, delivered: 1, failed: 1 });
    expect(await counts(webhookDeliveries)).toEqual({ delivered: 1, failed: 1 });
  });
});
