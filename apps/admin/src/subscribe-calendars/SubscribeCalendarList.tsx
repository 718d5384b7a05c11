import { DataTable, List, TopToolbar } from 'react-admin';

import { CalendarNameField } from '@admin/subscribe-calendars/CalendarNameField';
import { SyncCalendarsButton } from '@admin/subscribe-calendars/SyncCalendarsButton';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

function Actions() {
  return (
    <TopToolbar>
      <SyncCalendarsButton />
    </TopToolbar>
  );
}

export function SubscribeCalendarList() {
  const zoned = useZonedLabel();
  return (
    <List actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <DataTable<SubscribeCalendar> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name">
          <CalendarNameField />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="kakaoCalendarId" disableSort />
        <DataTable.Col
          source="syncedAt"
          disableSort
          label={zoned('resources.subscribe-calendars.fields.syncedAt')}
        >
          <ZonedDateField source="syncedAt" named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
