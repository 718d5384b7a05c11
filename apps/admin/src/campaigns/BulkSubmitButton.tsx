import SendIcon from '@mui/icons-material/Send';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { settleEach } from '@admin/shared/settleEach';

/** Submits the selected drafts for approval, one request each; says which were refused. */
export function BulkSubmitButton() {
  const { selectedIds } = useListContext();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const unselectAll = useUnselectAll('campaigns');
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: 'submit' });
  const { mutate, isPending } = useMutation({
    mutationFn: () => settleEach(selectedIds, (id) => dataProvider.submit(id)),
    onSuccess: ({ done, failed, reason }) => {
      if (failed === 0) {
        notify('app.campaign.notifications.bulk_submitted', {
          type: 'success',
          messageArgs: { smart_count: done },
        });
      } else {
        notify('app.campaign.notifications.bulk_partial', {
          type: 'warning',
          messageArgs: { done, failed, reason: translate(reason, { _: reason }) },
        });
      }
      unselectAll();
      refresh();
    },
  });
  if (!canAccess) {
    return null;
  }
  return (
    <Button
      label="app.campaign.actions.submit"
      onClick={() => mutate()}
      disabled={isPending}
      data-testid="bulk-submit"
    >
      <SendIcon />
    </Button>
  );
}
