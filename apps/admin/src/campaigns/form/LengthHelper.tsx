import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

/**
 * An input's hint with a live "now/max" count, so a text that is too long shows while typing
 * rather than after Save. Counted as the validator counts (a Hangul syllable or emoji is one).
 */
export function LengthHelper({ source, max, hint }: { source: string; max: number; hint: string }) {
  const translate = useTranslate();
  const value: unknown = useWatch({ name: source });
  const now = typeof value === 'string' ? [...value].length : 0;
  const over = now > max;
  return (
    <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
      <span>{translate(hint)}</span>
      <Box
        component="span"
        data-testid={`length-${source}`}
        aria-live="polite"
        sx={{ flexShrink: 0, color: over ? 'error.main' : undefined, fontWeight: over ? 600 : 400 }}
      >
        {translate('app.campaign.helper.length', { now, max })}
      </Box>
    </Box>
  );
}
