import RestoreIcon from '@mui/icons-material/Restore';
import {
  Alert,
  Box,
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Confirm,
  Loading,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { diffRows, fieldLabel, readableValue } from '@admin/campaigns/show/revisionDiff';
import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type Campaign, type CampaignRevision, type FieldChange } from '@admin/campaigns/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { JsonValue } from '@admin/shared/JsonValue';
import { useFormatInZone } from '@admin/time/ZonedDateField';

function reasonText(reason: string, translate: (key: string, options?: object) => string): string {
  const [kind, revision] = reason.split(':');
  return translate(`app.enums.revisionReason.${kind}`, { _: reason, revision });
}

function DiffValue(props: {
  field: string;
  value: unknown;
  tone: 'removed' | 'added';
  allDay: boolean;
}) {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const readable = readableValue(props.field, props.value, {
    translate,
    formatInstant: (iso) => formatInZone(iso),
    allDay: props.allDay,
  });
  return <JsonValue value={readable ?? props.value} tone={props.tone} />;
}

export function DiffTable({ changes, allDay }: { changes: FieldChange[]; allDay: boolean }) {
  const translate = useTranslate();
  if (changes.length === 0) {
    return <Alert severity="info">{translate('app.campaign.revisions.no_changes')}</Alert>;
  }
  return (
    <Table size="small" data-testid="revision-diff">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 200 }}>{translate('app.campaign.revisions.field')}</TableCell>
          <TableCell>{translate('app.campaign.revisions.before')}</TableCell>
          <TableCell>{translate('app.campaign.revisions.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {diffRows(changes).map((change) => (
          <TableRow key={change.field} data-field={change.field}>
            <TableCell sx={{ verticalAlign: 'top' }}>
              {fieldLabel(change.field, translate)}
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <DiffValue
                field={change.field}
                value={change.before}
                tone="removed"
                allDay={allDay}
              />
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <DiffValue field={change.field} value={change.after} tone="added" allDay={allDay} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RestoreButton({ campaign, revision }: { campaign: Campaign; revision: number }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCampaignAction(
    () => dataProvider.restore(campaign.id, revision, campaign.version),
    'app.campaign.notifications.restored',
    () => setOpen(false),
    { revision },
  );
  return (
    <>
      <Button label="app.campaign.actions.restore" onClick={() => setOpen(true)} size="small">
        <RestoreIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.campaign.dialogs.restore_title"
        titleTranslateOptions={{ revision }}
        content="app.campaign.dialogs.restore_content"
        onConfirm={() => mutate(undefined)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** Every saved revision; pick two to see what changed, restore an older one. */
export function RevisionHistory() {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess: canRestore } = useCanAccess({ resource: 'campaigns', action: 'restore' });
  const id = campaign?.id;
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const revisions = useQuery({
    queryKey: ['campaigns', 'revisions', id, campaign?.revision],
    queryFn: () => dataProvider.revisions(id ?? '').then(({ data }) => data),
    enabled: id !== undefined,
  });
  const list: CampaignRevision[] = revisions.data ?? [];
  const latest = list.reduce((max, entry) => Math.max(max, entry.revision), 0);
  const from = picked.from ?? (latest > 1 ? latest - 1 : undefined);
  const to = picked.to ?? (latest > 1 ? latest : undefined);
  const diff = useQuery({
    queryKey: ['campaigns', 'diff', id, from, to],
    queryFn: () => dataProvider.diff(id ?? '', from ?? 0, to ?? 0).then(({ data }) => data),
    enabled: id !== undefined && from !== undefined && to !== undefined && from !== to,
  });
  if (!campaign) {
    return null;
  }
  if (revisions.isPending) {
    return <Loading />;
  }
  if (revisions.error) {
    return (
      <Alert severity="error">
        {translate(revisions.error.message, { _: revisions.error.message })}
      </Alert>
    );
  }
  const sorted = [...list].sort((a, b) => b.revision - a.revision);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Table size="small" data-testid="revision-list">
        <TableHead>
          <TableRow>
            {/* Short headers over narrow radio columns: keep each on one line. */}
            <TableCell padding="checkbox" sx={{ whiteSpace: 'nowrap', px: 1 }}>
              {translate('app.campaign.revisions.from')}
            </TableCell>
            <TableCell padding="checkbox" sx={{ whiteSpace: 'nowrap', px: 1 }}>
              {translate('app.campaign.revisions.to')}
            </TableCell>
            <TableCell>{translate('app.campaign.revisions.revision')}</TableCell>
            <TableCell>{translate('app.campaign.revisions.reason')}</TableCell>
            <TableCell>{translate('app.campaign.revisions.created_at')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((entry) => (
            <TableRow key={entry.revision}>
              <TableCell padding="checkbox">
                <Radio
                  size="small"
                  checked={from === entry.revision}
                  onChange={() => setPicked({ from: entry.revision, to })}
                />
              </TableCell>
              <TableCell padding="checkbox">
                <Radio
                  size="small"
                  checked={to === entry.revision}
                  onChange={() => setPicked({ from, to: entry.revision })}
                />
              </TableCell>
              <TableCell>
                {entry.revision}
                {entry.revision === campaign.revision ? (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    ({translate('app.campaign.revisions.current')})
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>{reasonText(entry.reason, translate)}</TableCell>
              <TableCell>{formatInZone(entry.createdAt)}</TableCell>
              <TableCell align="right">
                {canRestore && !campaign.archived && entry.revision !== campaign.revision ? (
                  <RestoreButton campaign={campaign} revision={entry.revision} />
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2">
        {translate('app.campaign.revisions.compare')}
        {from !== undefined && to !== undefined ? ` ${from} → ${to}` : ''}
      </Typography>
      {from === undefined || to === undefined || from === to ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.campaign.revisions.pick_two')}
        </Typography>
      ) : diff.isPending ? (
        <Loading />
      ) : diff.error ? (
        <Alert severity="error">{translate(diff.error.message, { _: diff.error.message })}</Alert>
      ) : (
        <DiffTable changes={diff.data} allDay={campaign.allDay} />
      )}
    </Box>
  );
}
