import { Box, Typography } from '@mui/material';

export interface JsonValueProps {
  value: unknown;
  /** Highlight (e.g. a changed value in a diff). */
  tone?: 'removed' | 'added' | 'changed';
}

const TONES = {
  removed: { bgcolor: 'rgba(244, 67, 54, 0.12)' },
  added: { bgcolor: 'rgba(76, 175, 80, 0.14)' },
  changed: { bgcolor: 'rgba(255, 193, 7, 0.22)' },
} as const;

/** A value from the API shown as text: strings as they are, objects as indented JSON. */
export function JsonValue({ value, tone }: JsonValueProps) {
  const sx = { ...(tone ? TONES[tone] : {}), px: tone ? 0.5 : 0, borderRadius: 0.5 };
  if (value === null || value === undefined || value === '') {
    return (
      <Typography component="span" variant="body2" color="text.secondary" sx={sx}>
        —
      </Typography>
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return (
      <Typography
        component="span"
        variant="body2"
        sx={{ ...sx, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        {String(value)}
      </Typography>
    );
  }
  return (
    <Box
      component="pre"
      sx={{
        ...sx,
        m: 0,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        fontFamily: 'monospace',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
