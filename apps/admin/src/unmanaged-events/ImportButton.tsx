import DownloadIcon from '@mui/icons-material/Download';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
} from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { type UnmanagedEvent } from '@admin/unmanaged-events/types';

/** Imports the public event as a campaign, once confirmed, and opens it. */
export function ImportButton() {
  const event = useRecordContext<UnmanagedEvent>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'unmanaged-events', action: 'import' });
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.importUnmanaged(id),
    onSuccess: ({ data }) => {
      setOpen(false);
      notify('app.unmanaged.import_done', { type: 'success' });
      redirect('show', 'campaigns', data.id);
    },
    onError: (error: Error) => {
      setOpen(false);
      notify(error.message, { type: 'error' });
    },
  });
  if (!event || !canAccess || event.importedCampaignId !== null) {
    return null;
  }
  return (
    <>
      <Button
        label="app.unmanaged.import"
        disabled={isPending}
        onClick={(clickEvent) => {
          clickEvent.stopPropagation();
          setOpen(true);
        }}
      >
        <DownloadIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.unmanaged.import_title"
        titleTranslateOptions={{ title: event.title }}
        content="app.unmanaged.import_content"
        confirm="app.unmanaged.import"
        onConfirm={() => mutate(event.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
