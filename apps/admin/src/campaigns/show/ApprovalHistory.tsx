import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, useDataProvider, useRecordContext, useTranslate } from 'react-admin';

import { type Campaign } from '@admin/campaigns/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { EnumValueChip } from '@admin/shared/EnumChip';
import { useFormatInZone } from '@admin/time/ZonedDateField';

/** Submissions, approvals and rejections with their comments. */
export function ApprovalHistory() {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const id = campaign?.id;
  const { data, isPending, error } = useQuery({
    queryKey: ['campaigns', 'approvals', id, campaign?.approvalState],
    queryFn: () => dataProvider.approvals(id ?? '').then(({ data: rows }) => rows),
    enabled: id !== undefined,
  });
  if (isPending) {
    return <Loading />;
  }
  if (error) {
    return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  }
  if (data.length === 0) {
    return <Alert severity="info">{translate('app.campaign.approvals.empty')}</Alert>;
  }
  return (
    <Table size="small" data-testid="approval-history">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.campaign.approvals.at')}</TableCell>
          <TableCell>{translate('app.campaign.approvals.decision')}</TableCell>
          <TableCell>{translate('app.campaign.approvals.revision')}</TableCell>
          <TableCell>{translate('app.campaign.approvals.comment')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((row) => (
          <TableRow key={row.id}>
            <TableCell>{formatInZone(row.createdAt)}</TableCell>
            <TableCell>
              <EnumValueChip enumName="approvalDecision" value={row.decision} />
            </TableCell>
            <TableCell>{row.revision}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{row.comment ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
