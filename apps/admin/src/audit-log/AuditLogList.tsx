import { Link as MuiLink, Typography } from '@mui/material';
import {
  DataTable,
  List,
  useCreatePath,
  useGetManyAggregate,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';

import { AuditChanges, useAuditActionLabel } from '@admin/audit-log/AuditChanges';
import { useAuditFilters } from '@admin/audit-log/auditFilters';
import { AUDIT_TARGETS, auditTargetName, LOOKUP_NAME } from '@admin/audit-log/auditView';
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

/**
 * The changed record by its name (from the row's own snapshot), linked to its page when it has
 * one; a record without a name shows a short id, the full one on hover.
 */
export function TargetField() {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const snapshotName = entry ? auditTargetName(entry) : null;
  const lookupField = entry ? LOOKUP_NAME[entry.entityType] : undefined;
  const target = entry ? AUDIT_TARGETS[entry.entityType] : undefined;
  // Rows without a name of their own (a role change) ask for the record, batched per type.
  const { data: found } = useGetManyAggregate<{ id: string } & Record<string, unknown>>(
    target?.resource ?? 'users',
    { ids: entry ? [entry.entityId] : [] },
    { enabled: !!entry && snapshotName === null && lookupField !== undefined },
  );
  if (!entry) {
    return null;
  }
  const looked = lookupField ? found?.[0]?.[lookupField] : undefined;
  const name = snapshotName ?? (typeof looked === 'string' && looked ? looked : null);
  const label = name ?? translate('app.audit.unnamed', { id: entry.entityId.slice(0, 8) });
  if (!target?.link) {
    return (
      <Typography component="span" variant="body2" title={entry.entityId}>
        {label}
      </Typography>
    );
  }
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: target.resource, id: entry.entityId, type: target.link })}
      title={entry.entityId}
      onClick={(event: React.MouseEvent) => event.stopPropagation()}
      data-testid="audit-target"
    >
      {label}
    </MuiLink>
  );
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
        <DataTable.Col source="entityId" disableSort>
          <TargetField />
        </DataTable.Col>
        <DataTable.Col source="ip" disableSort />
      </DataTable>
    </List>
  );
}
