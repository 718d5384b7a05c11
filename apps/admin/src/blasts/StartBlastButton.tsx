import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { QuietHoursNotice, useFormatEstimateDuration } from '@admin/blasts/EstimatePanel';
import { type Blast, type BlastEstimate, type ScheduleKind } from '@admin/blasts/types';
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

/**
 * What starting means, in the confirmation: when it is sent, to how many people, for how long,
 * and whether the channel's quiet hours hold the first sends back (and until when).
 */
function StartContent({ blast, estimate }: { blast: Blast; estimate: BlastEstimate | undefined }) {
  const translate = useTranslate();
  const describeSchedule = useDescribeSchedule();
  const formatEstimateDuration = useFormatEstimateDuration();
  return (
    <Box data-testid="blast-start-content">
      <Typography variant="body1">
        {translate(
          // "Right away" would be untrue while quiet hours hold the first sends.
          blast.schedule.kind === 'now' && estimate?.quietUntil
            ? 'app.blasts.dialogs.start_content_quiet'
            : START_CONTENT[blast.schedule.kind],
          { when: describeSchedule(blast.schedule) },
        )}
      </Typography>
      {estimate ? (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="blast-start-estimate">
          {translate('app.blasts.dialogs.start_estimate', {
            smart_count: estimate.recipients,
            count: estimate.recipients.toLocaleString(),
            duration: formatEstimateDuration(estimate),
          })}
        </Typography>
      ) : null}
      <QuietHoursNotice estimate={estimate} scheduled={blast.schedule.kind !== 'now'} />
    </Box>
  );
}

/** Starts a draft (now, at its time, or its rule's next occurrence) after a confirmation. */
export function StartBlastButton({ blast, variant = 'text' }: StartBlastButtonProps) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const { data: estimate } = useQuery<BlastEstimate, Error>({
    queryKey: ['blasts', 'start-estimate', blast?.id],
    queryFn: async () => (await dataProvider.blastStartEstimate(blast?.id ?? '')).data,
    // Asked when the dialog opens, so the quiet-hours answer is about the moment of starting.
    enabled: open && blast !== undefined,
    staleTime: 0,
    retry: false,
  });
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
        content={<StartContent blast={blast} estimate={estimate} />}
        confirm="app.blasts.actions.start"
        onConfirm={() => mutate(blast.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
