import { Box, LinearProgress, type LinearProgressProps, Typography } from '@mui/material';

import { type RunProgress, type RunState } from '@admin/blasts/types';

const COLOR: Record<RunState, LinearProgressProps['color']> = {
  pending: 'inherit',
  sending: 'primary',
  paused: 'warning',
  completed: 'success',
  cancelled: 'inherit',
};

/** A run's share of deliveries done, as a bar with the percentage. */
export function RunProgressBar({
  progress,
  height = 8,
}: {
  progress: RunProgress;
  height?: number;
}) {
  const percent = Math.max(0, Math.min(100, progress.percent));
  return (
    <Box
      data-testid="run-progress-bar"
      data-percent={progress.percent}
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
