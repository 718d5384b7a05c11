import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Alert, Box, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { MEMBERS_PER_CHANGE, parseKakaoUserIds } from '@admin/audiences/memberIds';
import { RecipientFinder } from '@admin/audiences/RecipientFinder';
import { type Audience, type AudienceMembersResult } from '@admin/audiences/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';

type Change = 'add' | 'remove';

/** Adds or removes members of a static list by Kakao user id (a CSV import does it in bulk). */
export function MembersPanel() {
  const audience = useRecordContext<Audience>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const translate = useTranslate();
  const [text, setText] = useState('');
  const [unknown, setUnknown] = useState<string[]>([]);
  const { canAccess } = useCanAccess({ resource: 'audiences', action: 'members' });
  const { mutate, isPending } = useMutation({
    mutationFn: ({ change, ids }: { change: Change; ids: string[] }) =>
      dataProvider.changeAudienceMembers(audience!.id, change, ids),
    onSuccess: ({ data }: { data: AudienceMembersResult }, { change }) => {
      notify(`app.audience.members.${change === 'add' ? 'added' : 'removed'}`, {
        type: 'success',
        messageArgs: { smart_count: data.changed },
      });
      setUnknown(data.unknown);
      setText(data.unknown.join('\n'));
      void queryClient.invalidateQueries({ queryKey: ['audiences', 'size', audience?.id] });
      void queryClient.invalidateQueries({ queryKey: ['audience-members'] });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!audience || audience.kind !== 'static' || audience.archived || !canAccess) {
    return null;
  }
  const parsed = parseKakaoUserIds(text);
  const problem =
    parsed.invalid.length > 0
      ? translate('app.audience.members.invalid', { ids: parsed.invalid.slice(0, 5).join(', ') })
      : parsed.ids.length > MEMBERS_PER_CHANGE
        ? translate('app.audience.members.too_many', { max: MEMBERS_PER_CHANGE })
        : undefined;
  const disabled = isPending || parsed.ids.length === 0 || problem !== undefined;
  return (
    <Box data-testid="audience-members">
      <Typography variant="h6">{translate('app.audience_members.edit_title')}</Typography>
      <RecipientFinder
        onPick={(kakaoUserId) =>
          setText((current) =>
            parseKakaoUserIds(current).ids.includes(kakaoUserId)
              ? current
              : `${current.trim()}${current.trim() === '' ? '' : '\n'}${kakaoUserId}`,
          )
        }
      />
      <TextField
        multiline
        minRows={3}
        fullWidth
        label={translate('app.audience.members.ids')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={problem !== undefined}
        helperText={problem ?? translate('app.audience.members.hint')}
        slotProps={{ htmlInput: { 'data-testid': 'member-ids' } }}
        sx={{ maxWidth: 640, mt: 1 }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button
          label="app.audience.members.add"
          onClick={() => mutate({ change: 'add', ids: parsed.ids })}
          disabled={disabled}
          data-testid="add-members"
          variant="outlined"
        >
          <PersonAddIcon />
        </Button>
        <Button
          label="app.audience.members.remove"
          onClick={() => mutate({ change: 'remove', ids: parsed.ids })}
          disabled={disabled}
          variant="outlined"
        >
          <PersonRemoveIcon />
        </Button>
      </Stack>
      {unknown.length > 0 ? (
        <Alert severity="warning" sx={{ mt: 1, maxWidth: 640 }}>
          {translate('app.audience.members.unknown', { smart_count: unknown.length })}
        </Alert>
      ) : null}
    </Box>
  );
}
