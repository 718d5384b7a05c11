import { DataTable, List, useRecordContext, useTranslate } from 'react-admin';

import { AuditChanges, useAuditActionLabel } from '@admin/audit-log/AuditChanges';
import { useAuditFilters } from '@admin/audit-log/auditFilters';
import { type AuditEntry } from '@admin/audit-log/types';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

function ActionField() {
  const entry = useRecordContext<AuditEntry>();
  const label = useAuditActionLabel();
  return entry ? <span title={entry.action}>{label(entry.action)}</span> : null;
}

function EntityTypeField() {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  return entry ? (
    <span>{translate(`app.enums.entityType.${entry.entityType}`, { _: entry.entityType })}</span>
  ) : null;
}

function ActorField() {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  return entry ? <span>{entry.actorEmail ?? translate('app.audit.system')}</span> : null;
}

/** The channel's append-only audit trail, newest first; expand a row for before/after. */
export function AuditLogList() {
  const zoned = useZonedLabel();
  const filters = useAuditFilters();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} exporter={false} perPage={50}>
      <DataTable<AuditEntry> rowClick="expand" expand={<AuditChanges />} bulkActionButtons={false}>
        <DataTable.Col source="at" label={zoned('resources.audit-log.fields.at')}>
          <ZonedDateField
            source="at"
            options={{ dateStyle: 'medium', timeStyle: 'medium' }}
            named={false}
          />
        </DataTable.Col>
        <DataTable.Col source="actorEmail" disableSort>
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="action" disableSort>
          <ActionField />
        </DataTable.Col>
        <DataTable.Col source="entityType" disableSort>
          <EntityTypeField />
        </DataTable.Col>
        <DataTable.Col source="entityId" disableSort />
        <DataTable.Col source="ip" disableSort />
      </DataTable>
    </List>
  );
}
