import { act, render, screen } from '@testing-library/react';
import { AdminContext, type DataProvider, RecordContextProvider } from 'react-admin';

import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { type WebhookDelivery } from '@admin/webhooks/types';
import { WebhookDeliveries } from '@admin/webhooks/WebhookDeliveries';
import { deliveriesPollInterval } from '@admin/webhooks/webhookForm';

function delivery(state: WebhookDelivery['state'], attempts: number): WebhookDelivery {
  return {
    id: 'd1',
    endpointId: 'w1',
    eventType: 'ping',
    eventId: 'e1',
    state,
    attempts,
    lastStatusCode: state === 'delivered' ? 200 : 500,
    lastError: null,
    nextAttemptAt: state === 'pending' ? '2030-01-01T00:00:30.000Z' : null,
    deliveredAt: null,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  };
}

describe('webhook deliveries', () => {
  it('ask again only while a delivery waits for a retry', () => {
    expect(deliveriesPollInterval([{ state: 'delivered' }, { state: 'pending' }])).toBe(2000);
    expect(deliveriesPollInterval([{ state: 'delivered' }, { state: 'failed' }])).toBe(false);
    expect(deliveriesPollInterval(undefined)).toBe(false);
  });

  describe('<WebhookDeliveries>', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    it('turns "Retrying" into the outcome the worker reached, without a reload', async () => {
      const answers = [delivery('pending', 1), delivery('delivered', 2)];
      let calls = 0;
      const dataProvider = {
        getManyReference: () => {
          const row = answers[Math.min(calls, answers.length - 1)];
          calls += 1;
          return Promise.resolve({ data: [row], total: 1 });
        },
      } as unknown as DataProvider;
      render(
        <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider('en')}>
          <RecordContextProvider value={{ id: 'w1' }}>
            <WebhookDeliveries />
          </RecordContextProvider>
        </AdminContext>,
      );
      await screen.findByText('Retrying');
      act(() => jest.advanceTimersByTime(2000));
      await screen.findByText('Delivered');
      // Settled: no more questions.
      const asked = calls;
      act(() => jest.advanceTimersByTime(10_000));
      expect(calls).toBe(asked);
    });
  });
});
