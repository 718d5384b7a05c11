import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useDataProvider, useNotify } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';

/** Asks the worker to compare every published campaign with Kakao's copy now. */
export function ReconcileButton({ resource = 'campaigns' }: { resource?: string }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource, action: 'reconcile' });
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.reconcile(),
    onSuccess: () => notify('app.campaign.notifications.reconcile_requested', { type: 'info' }),
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
