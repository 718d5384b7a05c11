import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Button, Card, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { setBoardLanguage } from '@admin/queue-board/boardLanguage';

/** Where the API serves Bull Board (apps/api/src/queue-board). */
const BOARD_PATH = '/api/queues/';

/**
 * Bull Board inside the console, for the instance's operators (`isOperator`; the menu hides it
 * from everyone else). The board is a page of its own that cannot send the console's bearer
 * token: a one-time ticket (asked for with it) opens the board, which keeps its own short-lived
 * cookie for its assets and polling, valid only while this session lasts.
 */
export function QueueBoardPage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useQuery<{ url: string }, Error>({
    // Another language loads the board again, in that language.
    queryKey: ['queue-board', 'ticket', locale],
    queryFn: async () => {
      setBoardLanguage(locale);
      return (await dataProvider.queueBoardTicket()).data;
    },
    // A ticket works once: ask for a new one each time the page opens.
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.queues.title" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {translate('app.queues.intro')}
        </Typography>
        <Button
          href={BOARD_PATH}
          target="_blank"
          rel="noopener"
          startIcon={<OpenInNewIcon />}
          disabled={!data}
        >
          {translate('app.queues.open_new_tab')}
        </Button>
      </Box>
      {error ? (
        <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>
      ) : null}
      {isPending ? <CircularProgress size={24} /> : null}
      {data ? (
        <Card sx={{ height: 'calc(100vh - 160px)', minHeight: 480 }}>
          <Box
            component="iframe"
            src={data.url}
            title={translate('app.queues.title')}
            data-testid="queue-board"
            sx={{ border: 0, width: '100%', height: '100%' }}
          />
        </Card>
      ) : null}
    </Box>
  );
}
