import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';

import { type Recipient } from '@admin/recipients/types';
import { useDebouncedValue } from '@admin/shared/useDebouncedValue';

const SUGGESTIONS = 10;

/**
 * Finds recipients of the channel by nickname or Kakao user id, showing both (nicknames repeat),
 * and hands the picked one's Kakao user id to `onPick`.
 */
export function RecipientFinder({ onPick }: { onPick: (kakaoUserId: string) => void }) {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const q = useDebouncedValue(input.trim(), 300);
  const { data = [], isFetching } = useGetList<Recipient>(
    'recipients',
    {
      filter: { q },
      pagination: { page: 1, perPage: SUGGESTIONS },
      sort: { field: 'nickname', order: 'ASC' },
    },
    { enabled: q !== '' },
  );
  return (
    <Autocomplete<Recipient>
      options={q === '' ? [] : data}
      loading={isFetching}
      filterOptions={(options) => options}
      value={null}
      inputValue={input}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'reset') {
          setInput(value);
        }
      }}
      onChange={(_event, recipient) => {
        if (recipient) {
          onPick(recipient.kakaoUserId);
          setInput('');
        }
      }}
      getOptionLabel={(recipient) => recipient.nickname ?? recipient.kakaoUserId}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      noOptionsText={translate('app.audience_members.no_match')}
      renderOption={(props, recipient) => {
        // MUI keys options by label, and namesakes share one.
        const { key: _label, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={recipient.id} {...rest} data-testid="recipient-option">
            <Box>
              <div>{recipient.nickname ?? translate('app.audience_members.no_nickname')}</div>
              <Typography variant="caption" color="text.secondary">
                {recipient.kakaoUserId}
                {recipient.tags.length > 0 ? ` · ${recipient.tags.join(', ')}` : ''}
              </Typography>
            </Box>
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('app.audience_members.find')}
          helperText={translate('app.audience_members.find_hint')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'recipient-finder' },
          }}
        />
      )}
      sx={{ maxWidth: 640, mt: 1 }}
    />
  );
}
