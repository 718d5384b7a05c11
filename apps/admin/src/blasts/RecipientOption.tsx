import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { type Recipient } from '@admin/recipients/types';
import { EnumValueChip } from '@admin/shared/EnumChip';

const SHOWN_TAGS = 3;

/**
 * A recipient as a picker suggests it: the nickname, then what tells namesakes apart (the Kakao
 * user id, consent, a few tags).
 */
export function RecipientOption() {
  const recipient = useRecordContext<Recipient>();
  const translate = useTranslate();
  if (!recipient) {
    return null;
  }
  const tags = recipient.tags ?? [];
  return (
    <Box data-testid="recipient-option" sx={{ display: 'flex', flexDirection: 'column', py: 0.25 }}>
      <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
        {recipient.nickname ?? recipient.kakaoUserId}
      </Typography>
      <Box
        component="span"
        sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'wrap' }}
      >
        <Typography variant="caption" color="text.secondary" data-testid="recipient-option-id">
          {translate('app.recipient.option_id', { id: recipient.kakaoUserId })}
        </Typography>
        <EnumValueChip enumName="consentState" value={recipient.consentState} />
        {tags.length > 0 ? (
          <Typography variant="caption" color="text.secondary">
            {tags
              .slice(0, SHOWN_TAGS)
              .map((tag) => `#${tag}`)
              .join(' ')}
            {tags.length > SHOWN_TAGS
              ? ` ${translate('app.recipient.more_tags', { count: tags.length - SHOWN_TAGS })}`
              : ''}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}
