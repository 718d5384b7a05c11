import { useState } from 'react';
import { Create, useRedirect } from 'react-admin';

import { SecretDialog } from '@admin/webhooks/SecretDialog';
import { type WebhookEndpoint } from '@admin/webhooks/types';
import { toCreateWebhook, type WebhookFormValues } from '@admin/webhooks/webhookForm';
import { WebhookForm } from '@admin/webhooks/WebhookForm';

/** `POST /api/webhooks`; the answer's secret is shown once, then the endpoint's page opens. */
export function WebhookCreate() {
  const redirect = useRedirect();
  const [created, setCreated] = useState<WebhookEndpoint | undefined>();
  return (
    <>
      <Create
        transform={(values: WebhookFormValues) => toCreateWebhook(values)}
        mutationOptions={{ onSuccess: (data: WebhookEndpoint) => setCreated(data) }}
        record={{ events: [], enabled: true, description: '' }}
      >
        <WebhookForm />
      </Create>
      <SecretDialog
        secret={created?.secret}
        onClose={() => {
          if (created) {
            redirect('show', 'webhooks', created.id);
          }
          setCreated(undefined);
        }}
      />
    </>
  );
}
