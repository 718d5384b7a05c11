import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';

import { audienceFilters } from '@admin/audiences/audienceFilters';
import { type Audience } from '@admin/audiences/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
    </TopToolbar>
  );
}

/** Segments of the channel's recipients: rules (dynamic) or listed members (static). */
export function AudienceList() {
  const zoned = useZonedLabel();
  return (
    <List
      filters={audienceFilters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      actions={<Actions />}
      exporter={false}
    >
      <DataTable<Audience> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumChipField source="kind" enumName="audienceKind" />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="updatedAt" label={zoned('resources.audiences.fields.updatedAt')}>
          <ZonedDateField source="updatedAt" named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
