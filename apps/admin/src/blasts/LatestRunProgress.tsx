import { Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';

import { RunProgressBar } from '@admin/blasts/run/RunProgressBar';
import { runProgressKey } from '@admin/blasts/run/useRunProgress';
import { type Blast, isLiveRun, type RunProgress } from '@admin/blasts/types';
import { useBlastRuns } from '@admin/blasts/useBlastRuns';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { EnumValueChip } from '@admin/shared/EnumChip';

const POLL_MS = 1500;

/**
 * The latest run's progress in a list row. Rows poll (an event stream per row would use up the
 * browser's few connections per host); a row stops once its run is over.
 */
export function LatestRunProgress() {
  const blast = useRecordContext<Blast>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data: runs } = useBlastRuns(blast);
  const latest = runs?.[0];
  const { data: progress } = useQuery<RunProgress>({
    queryKey: runProgressKey(latest?.id),
    queryFn: async () => (await dataProvider.runProgress(latest?.id ?? '')).data,
    enabled: latest !== undefined,
    refetchInterval: (query) => (isLiveRun(query.state.data?.state) ? POLL_MS : false),
  });
  if (!blast || blast.state === 'draft') {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.blasts.run.not_started_short')}
      </Typography>
    );
  }
  if (!progress) {
    return null;
  }
  return (
    <Stack spacing={0.5} data-testid="latest-run" sx={{ minWidth: 200 }}>
      <RunProgressBar progress={progress} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <EnumValueChip enumName="runState" value={progress.state} />
        <Typography variant="caption" color="text.secondary">
          {`${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`}
        </Typography>
      </Stack>
    </Stack>
  );
}
