import BlockIcon from '@mui/icons-material/Block';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';

import { type Recipient } from '@admin/recipients/types';

/** Opts the person out (DELETE): consent revoked, tokens wiped; the record and history stay. */
export function OptOutButton() {
  const recipient = useRecordContext<Recipient>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'recipients', action: 'delete' });
  const { mutate, isPending } = useMutation({
    mutationFn: (target: Recipient) =>
      dataProvider.delete('recipients', { id: target.id, previousData: target }),
    onSuccess: () => {
      setOpen(false);
      notify('app.recipient.notifications.opted_out', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!recipient || !canAccess || recipient.consentState === 'revoked') {
    return null;
  }
  return (
    <>
      <Button
        label="app.recipient.actions.opt_out"
        onClick={() => setOpen(true)}
        color="error"
        data-testid="opt-out"
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.recipient.dialogs.opt_out_title"
        titleTranslateOptions={{ name: recipient.nickname ?? recipient.kakaoUserId }}
        content="app.recipient.dialogs.opt_out_content"
        onConfirm={() => mutate(recipient)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
