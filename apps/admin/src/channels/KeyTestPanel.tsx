import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import { Alert, Box, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';

import { type ChannelSettings, type KakaoKeyCheck } from '@admin/channels/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';

const SEVERITY = {
  ok: 'success',
  missing: 'info',
  refused: 'error',
  unreachable: 'warning',
} as const;

/** Codes whose cause we can name; any other refusal shows Kakao's code and words. */
const KNOWN_REFUSALS = ['-401', 'KOE101', 'KOE010'];

function CheckLine({ check }: { check: KakaoKeyCheck }) {
  const translate = useTranslate();
  const key = translate(`app.key_test.keys.${check.key}`);
  const reason =
    check.state === 'refused' && check.code !== null && KNOWN_REFUSALS.includes(check.code)
      ? translate(`app.key_test.reasons.${check.code}`)
      : (check.message ?? '');
  return (
    <Alert severity={SEVERITY[check.state]} data-testid={`key-test-${check.key}`}>
      {translate(`app.key_test.result.${check.state}`, { key, code: check.code ?? '', reason })}
    </Alert>
  );
}

/** "Test connection": whether Kakao takes the channel's saved keys, each with the reason. */
export function KeyTestPanel() {
  const channel = useRecordContext<ChannelSettings>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const { mutate, isPending, data } = useMutation({
    mutationFn: (id: string) => dataProvider.testKakaoKeys(id),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!channel) {
    return null;
  }
  return (
    <Box sx={{ width: '100%', maxWidth: 720, mt: 1 }} data-testid="key-test">
      <Button
        label="app.key_test.action"
        variant="outlined"
        onClick={() => mutate(channel.id)}
        disabled={isPending}
        data-testid="key-test-button"
      >
        <NetworkCheckIcon />
      </Button>
      <Box component="p" sx={{ typography: 'caption', color: 'text.secondary', m: 0, mt: 0.5 }}>
        {translate('app.key_test.hint')}
      </Box>
      {data ? (
        <Stack spacing={1} sx={{ mt: 1 }}>
          {data.data.results.map((check) => (
            <CheckLine key={check.key} check={check} />
          ))}
        </Stack>
      ) : null}
    </Box>
  );
}
