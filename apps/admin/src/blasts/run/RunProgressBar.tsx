import { Box, LinearProgress, type LinearProgressProps, Typography } from '@mui/material';

import { type RunProgress, type RunState } from '@admin/blasts/types';

const COLOR: Record<RunState, LinearProgressProps['color']> = {
  pending: 'inherit',
  sending: 'primary',
  paused: 'warning',
  completed: 'success',
  cancelled: 'inherit',
};

/**
 * The share the bar shows: deliveries done, except for a cancelled run, where the rows skipped by
 * the cancel are not progress: there it is the share that was actually tried.
 */
export function shownPercent(progress: RunProgress): number {
  if (progress.state === 'cancelled') {
    const { sent, failed, unknown } = progress.counts;
    return progress.total === 0
      ? 0
      : Math.floor(((sent + failed + unknown) / progress.total) * 1000) / 10;
  }
  return Math.max(0, Math.min(100, progress.percent));
}

/** A run's share of deliveries done, as a bar with the percentage. */
export function RunProgressBar({
  progress,
  height = 8,
}: {
  progress: RunProgress;
  height?: number;
}) {
  const percent = shownPercent(progress);
  return (
    <Box
      data-testid="run-progress-bar"
      data-percent={percent}
      data-state={progress.state}
      sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 160 }}
    >
      <LinearProgress
        variant="determinate"
        value={percent}
        color={COLOR[progress.state]}
        sx={{ flex: 1, height, borderRadius: height / 2 }}
        aria-label={`${percent}%`}
      />
      <Typography
        variant="body2"
        sx={{ minWidth: 48, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
        data-testid="run-percent"
      >
        {`${percent.toLocaleString(undefined, { maximumFractionDigits: 1 })}%`}
      </Typography>
    </Box>
  );
}
