import ArchiveIcon from '@mui/icons-material/Archive';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';

import { settleEach } from '@admin/shared/settleEach';

/** Archives the selected campaigns after a confirmation (DELETE archives; nothing is erased). */
export function BulkArchiveButton() {
  const { selectedIds } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const unselectAll = useUnselectAll('campaigns');
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: 'delete' });
  const { mutate, isPending } = useMutation({
    mutationFn: () => settleEach(selectedIds, (id) => dataProvider.delete('campaigns', { id })),
    onSuccess: ({ done, failed, reason }) => {
      setOpen(false);
      if (failed === 0) {
        notify('app.campaign.notifications.bulk_archived', {
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
    <>
      <Button
        label="app.campaign.actions.archive"
        onClick={() => setOpen(true)}
        data-testid="bulk-archive"
      >
        <ArchiveIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.campaign.dialogs.archive_title"
        titleTranslateOptions={{ smart_count: selectedIds.length }}
        content="app.campaign.dialogs.archive_content"
        onConfirm={() => mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
