import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

export interface ImagePreviewProps {
  url: string | null | undefined;
  label: string;
  background?: string | null;
  /** Width of the preview box; the image keeps its ratio inside it. */
  width?: number;
}

const isWebUrl = (url: string): boolean => /^https?:\/\/\S+$/i.test(url);

function PreviewImage({ url, label }: { url: string; label: string }) {
  const translate = useTranslate();
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <Typography variant="caption" color="error" sx={{ p: 1 }}>
        {translate('app.common.image_unavailable')}
      </Typography>
    );
  }
  return (
    <Box
      component="img"
      src={url}
      alt={label}
      onError={() => setFailed(true)}
      sx={{ maxWidth: '100%', maxHeight: 160, display: 'block', objectFit: 'contain' }}
    />
  );
}

/** A banner or image as Talk Calendar would show it, for a URL typed in a form. */
export function ImagePreview({ url, label, background, width = 320 }: ImagePreviewProps) {
  const translate = useTranslate();
  const trimmed = url?.trim() ?? '';
  if (!isWebUrl(trimmed)) {
    return null;
  }
  return (
    <Box sx={{ width, mb: 1 }} data-testid="image-preview">
      <Typography variant="caption" color="text.secondary">
        {translate(label)} · {translate('app.common.preview')}
      </Typography>
      <Box
        sx={{
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          minHeight: 64,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          bgcolor:
            background && /^#?[0-9a-f]{6}$/i.test(background)
              ? background.startsWith('#')
                ? background
                : `#${background}`
              : 'grey.100',
          overflow: 'hidden',
        }}
      >
        <PreviewImage key={trimmed} url={trimmed} label={translate(label)} />
      </Box>
    </Box>
  );
}
