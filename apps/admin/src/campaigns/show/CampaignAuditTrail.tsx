import { Alert, Box, Stack, Typography } from '@mui/material';
import { Loading, useGetList, useRecordContext, useTranslate } from 'react-admin';

import { AuditChangesTable, useAuditActionLabel } from '@admin/audit-log/AuditChanges';
import { type AuditEntry } from '@admin/audit-log/types';
import { type Campaign } from '@admin/campaigns/types';
import { useFormatInZone } from '@admin/time/ZonedDateField';

/** Who changed this campaign, when, from where, and what changed (managers and admins). */
export function CampaignAuditTrail() {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const actionLabel = useAuditActionLabel();
  const { data, isPending, error } = useGetList<AuditEntry>(
    'audit-log',
    {
      filter: { entityType: 'campaign', entityId: campaign?.id },
      sort: { field: 'at', order: 'DESC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: campaign !== undefined },
  );
  if (isPending) {
    return <Loading />;
  }
  if (error) {
    return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  }
  if (data.length === 0) {
    return <Alert severity="info">{translate('app.campaign.audit.empty')}</Alert>;
  }
  return (
    <Stack spacing={2} data-testid="campaign-audit">
      {data.map((entry) => (
        <Box key={entry.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 2 }}>
          <Typography variant="subtitle2">{actionLabel(entry.action)}</Typography>
          <Typography variant="caption" color="text.secondary">
            {formatInZone(entry.at)} · {entry.actorEmail ?? translate('app.audit.system')}
            {entry.ip ? ` · ${entry.ip}` : ''}
          </Typography>
          <AuditChangesTable entry={entry} />
        </Box>
      ))}
    </Stack>
  );
}
