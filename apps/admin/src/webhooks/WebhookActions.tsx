import KeyIcon from '@mui/icons-material/Key';
import NetworkPingIcon from '@mui/icons-material/NetworkPing';
import ReplayIcon from '@mui/icons-material/Replay';
import { useState } from 'react';
import { Button, Confirm, useDataProvider } from 'react-admin';

import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { SecretDialog } from '@admin/webhooks/SecretDialog';
import { type WebhookDelivery, type WebhookEndpoint } from '@admin/webhooks/types';

/** Sends a `ping` now; the deliveries below show how it went. */
export function TestWebhookButton({ endpoint }: { endpoint: WebhookEndpoint }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { mutate, isPending } = useCampaignAction(
    (id: string) => dataProvider.testWebhook(id),
    'app.webhooks.notifications.tested',
  );
  return (
    <Button
      label="app.webhooks.actions.test"
      onClick={() => mutate(endpoint.id)}
      disabled={isPending}
      data-testid="webhook-test"
    >
      <NetworkPingIcon />
    </Button>
  );
}

/** A new secret after a confirmation; the old one stops working at once. */
export function RotateSecretButton({ endpoint }: { endpoint: WebhookEndpoint }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | undefined>();
  const { mutate, isPending } = useCampaignAction(
    async (id: string) => {
      const { data } = await dataProvider.rotateWebhookSecret(id);
      setSecret(data.secret);
    },
    'app.webhooks.notifications.rotated',
    () => setConfirming(false),
  );
  return (
    <>
      <Button label="app.webhooks.actions.rotate" onClick={() => setConfirming(true)}>
        <KeyIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="app.webhooks.dialogs.rotate_title"
        content="app.webhooks.dialogs.rotate_content"
        confirm="app.webhooks.actions.rotate"
        onConfirm={() => mutate(endpoint.id)}
        onClose={() => setConfirming(false)}
      />
      <SecretDialog secret={secret} onClose={() => setSecret(undefined)} />
    </>
  );
}

/** Sends a finished delivery again (same event id); pending ones are still being retried. */
export function RedeliverButton({ delivery }: { delivery: WebhookDelivery }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { mutate, isPending } = useCampaignAction(
    (id: string) => dataProvider.redeliverWebhook(id),
    'app.webhooks.notifications.redelivered',
  );
  if (delivery.state === 'pending') {
    return null;
  }
  return (
    <Button
      label="app.webhooks.actions.redeliver"
      onClick={() => mutate(delivery.id)}
      disabled={isPending}
    >
      <ReplayIcon />
    </Button>
  );
}
