import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useDataProvider, useNotify, useRefresh } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { useRefetchFor } from '@admin/shared/useRefetchWhile';

/**
 * Asks the worker to compare every published campaign with Kakao's copy now, then follows the
 * screen for a while so differences show up without a reload.
 */
export function ReconcileButton({ resource = 'campaigns' }: { resource?: string }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource, action: 'reconcile' });
  const follow = useRefetchFor(useRefresh());
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.reconcile(),
    onSuccess: () => {
      notify('app.campaign.notifications.reconcile_requested', { type: 'info' });
      follow();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!canAccess) {
    return null;
  }
  return (
    <Button label="app.campaign.actions.reconcile" onClick={() => mutate()} disabled={isPending}>
      <CompareArrowsIcon />
    </Button>
  );
}
