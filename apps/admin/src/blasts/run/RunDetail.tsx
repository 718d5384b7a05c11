import { Box, CircularProgress } from '@mui/material';

import { DeliveryLedger } from '@admin/blasts/run/DeliveryLedger';
import { RunActions } from '@admin/blasts/run/RunActions';
import { RunProgressPanel } from '@admin/blasts/run/RunProgressPanel';
import { useRunProgress } from '@admin/blasts/run/useRunProgress';
import { isLiveRun } from '@admin/blasts/types';

/** One run: live progress (its event stream), the commands it allows, and its ledger. */
export function RunDetail({ runId }: { runId: string }) {
  const { progress, streaming } = useRunProgress(runId);
  if (!progress) {
    return <CircularProgress size={24} />;
  }
  return (
    <Box data-testid="run-detail" data-run-id={runId}>
      <RunProgressPanel progress={progress} streaming={streaming} />
      <Box sx={{ mt: 2 }}>
        <RunActions progress={progress} />
      </Box>
      <DeliveryLedger runId={runId} live={isLiveRun(progress.state)} />
    </Box>
  );
}
