import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useRedirect } from 'react-admin';

import { type Blast, type ScheduleKind } from '@admin/blasts/types';
import { useDescribeSchedule } from '@admin/blasts/useBlastText';
import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type ConsoleDataProvider } from '@admin/dataProvider';

export interface StartBlastButtonProps {
  blast: Blast | undefined;
  variant?: 'text' | 'contained';
}

/** One sentence per kind: "now", a date and a rule read differently in Korean and English. */
const START_CONTENT: Record<ScheduleKind, string> = {
  now: 'app.blasts.dialogs.start_content_now',
  at: 'app.blasts.dialogs.start_content',
  recurring: 'app.blasts.dialogs.start_content_recurring',
};

/** Starts a draft (now, at its time, or its rule's next occurrence) after a confirmation. */
export function StartBlastButton({ blast, variant = 'text' }: StartBlastButtonProps) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const redirect = useRedirect();
  const describeSchedule = useDescribeSchedule();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'blasts', action: 'start' });
  const { mutate, isPending } = useCampaignAction(
    (id: string) => dataProvider.startBlast(id),
    'app.blasts.notifications.started',
    () => {
      setOpen(false);
      if (blast) {
        redirect('show', 'blasts', blast.id);
      }
    },
  );
  if (!blast || !canAccess || blast.state !== 'draft') {
    return null;
  }
  return (
    <>
      <Button
        label="app.blasts.actions.start"
        onClick={() => setOpen(true)}
        disabled={isPending}
        variant={variant}
        data-testid="blast-start"
      >
        <PlayArrowIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.blasts.dialogs.start_title"
        titleTranslateOptions={{ name: blast.name }}
        content={START_CONTENT[blast.schedule.kind]}
        contentTranslateOptions={{ when: describeSchedule(blast.schedule) }}
        confirm="app.blasts.actions.start"
        onConfirm={() => mutate(blast.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
