import { Box, Typography } from '@mui/material';
import {
  BooleanField,
  DeleteButton,
  EditButton,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { ZonedDateField } from '@admin/time/ZonedDateField';
import { type WebhookEndpoint } from '@admin/webhooks/types';
import { RotateSecretButton, TestWebhookButton } from '@admin/webhooks/WebhookActions';
import { EventChips } from '@admin/webhooks/WebhookChips';
import { WebhookDeliveries } from '@admin/webhooks/WebhookDeliveries';

function Actions() {
  const endpoint = useRecordContext<WebhookEndpoint>();
  if (!endpoint) {
    return <TopToolbar />;
  }
  return (
    <TopToolbar>
      <TestWebhookButton endpoint={endpoint} />
      <RotateSecretButton endpoint={endpoint} />
      <EditButton />
      <DeleteButton
        mutationMode="pessimistic"
        confirmTitle="app.webhooks.dialogs.delete_title"
        confirmContent="app.webhooks.dialogs.delete_content"
        translateOptions={{ url: endpoint.url }}
        redirect="list"
      />
    </TopToolbar>
  );
}

function DeliveriesSection() {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('app.webhooks.sections.deliveries')}
      </Typography>
      <WebhookDeliveries />
    </Box>
  );
}

/** An endpoint: its settings, test and rotate, and its delivery log with every attempt. */
export function WebhookShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="url" />
        <Labeled source="events">
          <EventChips />
        </Labeled>
        <BooleanField source="enabled" />
        <TextField source="description" emptyText="—" />
        <ZonedDateField source="createdAt" />
        <ZonedDateField source="updatedAt" />
        <DeliveriesSection />
      </SimpleShowLayout>
    </Show>
  );
}
