import { DataTable, List, useCanAccess, useRecordContext } from 'react-admin';

import { EnumChipField, EnumValueChip } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';
import { type ConsoleUser } from '@admin/users/types';
import { userFilters } from '@admin/users/userFilters';

/** "Active" or "Disabled" in words: a bare ✕ under "Disabled" read as an error. */
export function UserStatusField() {
  const user = useRecordContext<ConsoleUser>();
  return user ? (
    <EnumValueChip enumName="userStatus" value={user.disabled ? 'disabled' : 'active'} />
  ) : null;
}

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
        <DataTable.Col source="disabled" label="app.users.status">
          <UserStatusField />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label={zoned('resources.users.fields.createdAt')}>
          <ZonedDateField source="createdAt" named={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
