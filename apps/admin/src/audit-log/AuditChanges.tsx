import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import {
  type AuditChange,
  auditChanges,
  auditFieldLabel,
  auditValueText,
  type ValueContext,
} from '@admin/audit-log/auditView';
import { type AuditEntry } from '@admin/audit-log/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { JsonValue } from '@admin/shared/JsonValue';

/** The fields an audit row changed, before and after (nested objects opened up). */
export function changedFields(entry: Pick<AuditEntry, 'before' | 'after'>): string[] {
  return auditChanges(entry.before, entry.after).map((change) => change.path);
}

/**
 * The action in words: `campaign.publish_request` → "Publish requested"; an action this console
 * has no words for yet at least names its record type ("Blast · run_retry").
 */
export function useAuditActionLabel(): (action: string) => string {
  const translate = useTranslate();
  return (action) => {
    const dot = action.indexOf('.');
    const fallback =
      dot > 0
        ? `${translate(`app.enums.entityType.${action.slice(0, dot)}`, { _: action.slice(0, dot) })} · ${action.slice(dot + 1)}`
        : action;
    return translate(`app.enums.auditAction.${action}`, { _: fallback });
  };
}

const TONE_COLORS = {
  removed: 'rgba(244, 67, 54, 0.12)',
  added: 'rgba(76, 175, 80, 0.14)',
} as const;

function ChangeValue({
  change,
  side,
  context,
}: {
  change: AuditChange;
  side: 'before' | 'after';
  context: ValueContext;
}) {
  const value = change[side];
  const tone = side === 'before' ? 'removed' : 'added';
  const text = auditValueText(change.path, value, context);
  if (text === null) {
    return <JsonValue value={value} tone={tone} />;
  }
  return (
    <Typography
      component="span"
      variant="body2"
      color={text === '—' ? 'text.secondary' : undefined}
      sx={{
        bgcolor: text === '—' ? undefined : TONE_COLORS[tone],
        px: 0.5,
        borderRadius: 0.5,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {text}
    </Typography>
  );
}

export function AuditChangesTable({ entry }: { entry: AuditEntry }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { timeZone } = useCurrentChannel();
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) {
    return null;
  }
  const contextOf = (snapshot: Record<string, unknown> | null): ValueContext => ({
    translate,
    locale,
    timeZone,
    snapshot,
  });
  return (
    <Table size="small" data-testid="audit-changes">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 200 }}>{translate('app.audit.changes')}</TableCell>
          <TableCell>{translate('app.audit.before')}</TableCell>
          <TableCell>{translate('app.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((change) => (
          <TableRow key={change.path}>
            <TableCell sx={{ verticalAlign: 'top' }} title={change.path}>
              {auditFieldLabel(entry.entityType, change.path, translate)}
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <ChangeValue change={change} side="before" context={contextOf(entry.before)} />
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <ChangeValue change={change} side="after" context={contextOf(entry.after)} />
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
