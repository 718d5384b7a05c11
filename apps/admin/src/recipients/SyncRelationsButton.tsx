import SyncIcon from '@mui/icons-material/Sync';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useDataProvider, useNotify, useRefresh } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';

const SETTLE_MS = 2000;

/** Asks the worker to check every recipient's relation with the channel (added, blocked) now. */
export function SyncRelationsButton() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'recipients', action: 'sync' });
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.syncRecipientRelations(),
    onSuccess: () => {
      notify('app.recipient.notifications.relation_sync_requested', { type: 'info' });
      setTimeout(refresh, SETTLE_MS);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!canAccess) {
    return null;
  }
  return (
    <Button
      label="app.recipient.actions.sync_relations"
      onClick={() => mutate()}
      disabled={isPending}
      data-testid="sync-relations"
    >
      <SyncIcon />
    </Button>
  );
}
