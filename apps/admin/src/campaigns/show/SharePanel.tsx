import { Alert, Box, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { shareSnippet } from '@admin/campaigns/shareSnippet';
import { type Campaign } from '@admin/campaigns/types';
import { CopyButton } from '@admin/shared/CopyButton';

/** The Kakao Talk Share call for this public event, ready to paste into the channel's page. */
export function SharePanel() {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!campaign) {
    return null;
  }
  const snippet = shareSnippet(campaign);
  if (!snippet.ok) {
    return (
      <Stack spacing={1}>
        {snippet.problems.map((problem) => (
          <Alert key={problem} severity="info">
            {translate(`app.campaign.share.${problem}`)}
          </Alert>
        ))}
      </Stack>
    );
  }
  return (
    <Stack spacing={2}>
      <Typography variant="body2">{translate('app.campaign.share.intro')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.campaign.share.sdk_note')}
      </Typography>
      <Box
        component="pre"
        data-testid="share-snippet"
        sx={{
          m: 0,
          p: 2,
          bgcolor: 'grey.900',
          color: 'grey.100',
          borderRadius: 1,
          fontSize: 13,
          overflowX: 'auto',
        }}
      >
        {snippet.code}
      </Box>
      <Box>
        <CopyButton text={snippet.code} label="app.campaign.share.copy" />
      </Box>
    </Stack>
  );
}
