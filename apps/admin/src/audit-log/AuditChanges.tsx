import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { type AuditEntry } from '@admin/audit-log/types';
import { JsonValue } from '@admin/shared/JsonValue';

/** The top-level fields an audit row changed, before and after. */
export function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>): string[] {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  return [...keys].filter(
    (key) =>
      JSON.stringify(entry.before?.[key] ?? null) !== JSON.stringify(entry.after?.[key] ?? null),
  );
}

/** The action in words: `campaign.publish_request` → "Publish requested". */
export function useAuditActionLabel(): (action: string) => string {
  const translate = useTranslate();
  return (action) => translate(`app.enums.auditAction.${action}`, { _: action });
}

export function AuditChangesTable({ entry }: { entry: AuditEntry }) {
  const translate = useTranslate();
  const fields = changedFields(entry);
  if (fields.length === 0) {
    return null;
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 200 }}>{translate('app.audit.changes')}</TableCell>
          <TableCell>{translate('app.audit.before')}</TableCell>
          <TableCell>{translate('app.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((field) => (
          <TableRow key={field}>
            <TableCell sx={{ verticalAlign: 'top' }}>{field}</TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <JsonValue value={entry.before?.[field]} tone="removed" />
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <JsonValue value={entry.after?.[field]} tone="added" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** For `<DataTable expand>`: the row's changes. */
export function AuditChanges() {
  const entry = useRecordContext<AuditEntry>();
  return entry ? <AuditChangesTable entry={entry} /> : null;
}
