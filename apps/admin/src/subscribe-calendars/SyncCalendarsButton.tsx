import SyncIcon from '@mui/icons-material/Sync';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useDataProvider, useNotify, useRefresh } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';

const SETTLE_MS = 2000;

/** Asks the worker to mirror the channel's subscribe calendars from Kakao now. */
export function SyncCalendarsButton() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'subscribe-calendars', action: 'sync' });
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.syncCalendars(),
    onSuccess: () => {
      notify('app.calendars.sync_requested', { type: 'info' });
      setTimeout(refresh, SETTLE_MS);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!canAccess) {
    return null;
  }
  return (
    <Button label="app.calendars.sync" onClick={() => mutate()} disabled={isPending}>
      <SyncIcon />
    </Button>
  );
}
