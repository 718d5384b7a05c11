import SensorsIcon from '@mui/icons-material/Sensors';
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { RunProgressBar } from '@admin/blasts/run/RunProgressBar';
import { DELIVERY_STATES, type RunProgress } from '@admin/blasts/types';
import { useFormatDuration } from '@admin/blasts/useBlastText';
import { EnumValueChip } from '@admin/shared/EnumChip';
import { useFormatInZone } from '@admin/time/ZonedDateField';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** A run now: state, the bar, deliveries per state, current rate and time left. */
export function RunProgressPanel({
  progress,
  streaming,
}: {
  progress: RunProgress;
  streaming: boolean;
}) {
  const translate = useTranslate();
  const formatDuration = useFormatDuration();
  const formatInZone = useFormatInZone();
  return (
    <Box data-testid="run-progress" data-state={progress.state} data-percent={progress.percent}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <EnumValueChip enumName="runState" value={progress.state} />
        {streaming ? (
          <Chip
            size="small"
            icon={<SensorsIcon />}
            label={translate('app.blasts.run.live')}
            color="success"
            variant="outlined"
            data-testid="run-live"
          />
        ) : null}
      </Stack>
      {progress.state === 'paused' && progress.pauseReason ? (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="run-pause-reason">
          {translate(`app.enums.pauseReason.${progress.pauseReason}`)}
          {progress.resumeAt
            ? ` · ${translate('app.blasts.run.resumes_at', { time: formatInZone(progress.resumeAt) })}`
            : ''}
        </Alert>
      ) : null}
      <RunProgressBar progress={progress} height={12} />
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mt: 2 }}>
        {progress.state === 'cancelled' ? (
          // Rows the cancel skipped were never tried: count what went out, not what was closed.
          <Figure
            label="app.blasts.run.sent"
            value={`${progress.counts.sent.toLocaleString()} / ${progress.total.toLocaleString()}`}
            testId="run-done"
          />
        ) : (
          <Figure
            label="app.blasts.run.done"
            value={`${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`}
            testId="run-done"
          />
        )}
        <Figure
          label="app.blasts.run.rate"
          value={translate('app.blasts.per_second', {
            rate: progress.currentRate.toLocaleString(undefined, { maximumFractionDigits: 1 }),
          })}
          testId="run-rate"
        />
        <Figure
          label="app.blasts.run.eta"
          value={
            // A cancelled run has nothing left to send, and never will: no time left to show.
            progress.etaSeconds === null || progress.state === 'cancelled'
              ? translate('app.common.none')
              : formatDuration(progress.etaSeconds)
          }
          testId="run-eta"
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap', rowGap: 1 }}>
        {DELIVERY_STATES.map((state) => (
          <Box
            key={state}
            data-testid={`run-count-${state}`}
            data-count={progress.counts[state]}
            sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
          >
            <EnumValueChip enumName="deliveryState" value={state} />
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {progress.counts[state].toLocaleString()}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
