import { Box, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { DeliveryLedger } from '@admin/blasts/run/DeliveryLedger';
import { RunActions } from '@admin/blasts/run/RunActions';
import { RunProgressPanel } from '@admin/blasts/run/RunProgressPanel';
import { useRunProgress } from '@admin/blasts/run/useRunProgress';
import { type BlastRun, isLiveRun } from '@admin/blasts/types';
import { useFormatInZone } from '@admin/time/ZonedDateField';

/**
 * One run: when it was due or started, live progress (its event stream), the commands it allows,
 * and its ledger.
 */
export function RunDetail({ run }: { run: BlastRun }) {
  const runId = run.id;
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const { progress, streaming } = useRunProgress(runId);
  if (!progress) {
    return <CircularProgress size={24} />;
  }
  // "Scheduled for" only while it has not begun; afterwards the time it began.
  const heading =
    progress.state === 'pending'
      ? translate('app.blasts.run.scheduled_at', { time: formatInZone(run.scheduledAt) })
      : translate('app.blasts.run.started_at', {
          time: formatInZone(run.startedAt ?? run.scheduledAt),
        });
  return (
    <Box data-testid="run-detail" data-run-id={runId}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="run-heading">
        {heading}
      </Typography>
      <RunProgressPanel progress={progress} streaming={streaming} />
      <Box sx={{ mt: 2 }}>
        <RunActions progress={progress} />
      </Box>
      <DeliveryLedger runId={runId} live={isLiveRun(progress.state)} />
    </Box>
  );
}
