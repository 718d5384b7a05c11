import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';

import { approvalDiffRange } from '@admin/campaigns/show/revisionDiff';
import { DiffTable } from '@admin/campaigns/show/RevisionHistory';
import { type Campaign } from '@admin/campaigns/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';

/**
 * What the approver is asked to accept: the submitted revision against the last approved one,
 * in the same table as the revisions tab. A first approval has nothing to compare with.
 */
export function ApprovalDiff({ campaign }: { campaign: Campaign }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const range = approvalDiffRange(campaign);
  const diff = useQuery({
    queryKey: ['campaigns', 'diff', campaign.id, range?.from, range?.to],
    queryFn: () =>
      dataProvider.diff(campaign.id, range?.from ?? 0, range?.to ?? 0).then(({ data }) => data),
    enabled: range !== null,
  });
  return (
    <Box data-testid="approval-diff" sx={{ mb: 2 }}>
      {range === null ? (
        <Alert severity="info">{translate('app.campaign.approval_diff.first')}</Alert>
      ) : (
        <>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {translate('app.campaign.approval_diff.title', range)}
          </Typography>
          {diff.isPending ? (
            <CircularProgress size={24} />
          ) : diff.error ? (
            <Alert severity="error">
              {translate(diff.error.message, { _: diff.error.message })}
            </Alert>
          ) : (
            <DiffTable changes={diff.data} allDay={campaign.allDay} />
          )}
        </>
      )}
    </Box>
  );
}
