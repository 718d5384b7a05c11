import { Edit } from 'react-admin';

import { toUpdateWebhook, type WebhookFormValues } from '@admin/webhooks/webhookForm';
import { WebhookForm } from '@admin/webhooks/WebhookForm';

/** `PUT /api/webhooks/:id` with the version read: a change made meanwhile answers 409. */
export function WebhookEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      transform={(values: WebhookFormValues) => toUpdateWebhook(values)}
    >
      <WebhookForm />
    </Edit>
  );
}
