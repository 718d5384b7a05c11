import { BooleanField, DataTable, List } from 'react-admin';

import { type ChannelSettings } from '@admin/channels/types';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

export function ChannelList() {
  const zoned = useZonedLabel();
  return (
    <List sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <DataTable<ChannelSettings> rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="channelPublicId" />
        <DataTable.Col source="timeZone" disableSort />
        <DataTable.Col source="approvalRequired" disableSort>
          <BooleanField source="approvalRequired" />
        </DataTable.Col>
        <DataTable.Col source="hasAdminKey" disableSort>
          <BooleanField source="hasAdminKey" />
        </DataTable.Col>
        <DataTable.Col
          source="updatedAt"
          disableSort
          label={zoned('resources.channels.fields.updatedAt')}
        >
          <ZonedDateField source="updatedAt" named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
