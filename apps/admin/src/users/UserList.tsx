import { BooleanField, DataTable, List, useCanAccess } from 'react-admin';

import { EnumChipField } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';
import { type ConsoleUser } from '@admin/users/types';
import { userFilters } from '@admin/users/userFilters';

/** The channel's users and their roles; admins edit them, managers only read. */
export function UserList() {
  const zoned = useZonedLabel();
  const { canAccess: canEdit } = useCanAccess({ resource: 'users', action: 'edit' });
  return (
    <List filters={userFilters} sort={{ field: 'email', order: 'ASC' }} exporter={false}>
      <DataTable<ConsoleUser> rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="email" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="role">
          <EnumChipField source="role" enumName="role" />
        </DataTable.Col>
        <DataTable.Col source="disabled">
          <BooleanField source="disabled" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label={zoned('resources.users.fields.createdAt')}>
          <ZonedDateField source="createdAt" named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
