import { BooleanField, DataTable, List, TextField } from 'react-admin';

import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';
import { type WebhookEndpoint } from '@admin/webhooks/types';
import { EventChips } from '@admin/webhooks/WebhookChips';

/** The channel's webhook endpoints (administrators). */
export function WebhookList() {
  const zoned = useZonedLabel();
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
      <DataTable<WebhookEndpoint> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="url" />
        <DataTable.Col source="events" disableSort>
          <EventChips />
        </DataTable.Col>
        <DataTable.Col source="enabled" disableSort>
          <BooleanField source="enabled" />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort>
          <TextField source="description" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt" label={zoned('resources.webhooks.fields.updatedAt')}>
          <ZonedDateField source="updatedAt" named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
