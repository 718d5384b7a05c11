import CancelIcon from '@mui/icons-material/Cancel';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ReplayIcon from '@mui/icons-material/Replay';
import { Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useTranslate } from 'react-admin';

import { runProgressKey } from '@admin/blasts/run/useRunProgress';
import { type RunProgress } from '@admin/blasts/types';
import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { useFormatInZone } from '@admin/time/ZonedDateField';

type RunCommand = 'pause' | 'resume' | 'cancel' | 'resend_unknown' | 'resend_failed';

interface CommandButtonProps {
  runId: string;
  command: RunCommand;
  icon: ReactElement;
  /** Asks first, saying what happens (cancel and resends). */
  confirm?: { title: string; content: string; args?: Record<string, unknown> };
  disabled?: boolean;
}

/** One command on a run; its answer (the new progress) updates the screen at once. */
function CommandButton({ runId, command, icon, confirm, disabled }: CommandButtonProps) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const perform = async (): Promise<void> => {
    const calls: Record<RunCommand, () => Promise<{ data: RunProgress }>> = {
      pause: () => dataProvider.pauseRun(runId),
      resume: () => dataProvider.resumeRun(runId),
      cancel: () => dataProvider.cancelRun(runId),
      resend_unknown: () => dataProvider.resendRun(runId, ['unknown']),
      resend_failed: () => dataProvider.resendRun(runId, ['failed']),
    };
    const { data } = await calls[command]();
    queryClient.setQueryData(runProgressKey(runId), data);
  };
  const { mutate, isPending } = useCampaignAction(
    perform,
    `app.blasts.notifications.${command}`,
    () => setOpen(false),
  );
  const testId = `run-${command.replace('_', '-')}`;
  return (
    <>
      <Button
        label={`app.blasts.actions.${command}`}
        onClick={() => (confirm ? setOpen(true) : mutate(undefined))}
        disabled={disabled || isPending}
        data-testid={testId}
      >
        {icon}
      </Button>
      {confirm ? (
        <Confirm
          isOpen={open}
          loading={isPending}
          title={confirm.title}
          content={confirm.content}
          titleTranslateOptions={confirm.args}
          contentTranslateOptions={confirm.args}
          confirm={`app.blasts.actions.${command}`}
          confirmColor="warning"
          onConfirm={() => mutate(undefined)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

/**
 * A run paused for quiet hours cannot be resumed by hand before they end (the server refuses:
 * everyone left is asleep); it goes on by itself at `resumeAt`.
 */
export function waitsForQuietHours(progress: RunProgress, now: number = Date.now()): boolean {
  return (
    progress.state === 'paused' &&
    progress.pauseReason === 'quiet_hours' &&
    progress.resumeAt !== null &&
    Date.parse(progress.resumeAt) > now
  );
}

/** Pause, resume or cancel a run, and resend its `unknown` or failed deliveries, as it allows. */
export function RunActions({ progress }: { progress: RunProgress }) {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const { canAccess } = useCanAccess({ resource: 'blasts', action: 'control' });
  if (!canAccess) {
    return null;
  }
  const { state, counts, runId } = progress;
  const over = state === 'completed' || state === 'cancelled';
  const quiet = waitsForQuietHours(progress);
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="run-actions">
      {state === 'sending' ? (
        <CommandButton runId={runId} command="pause" icon={<PauseIcon />} />
      ) : null}
      {state === 'paused' ? (
        <CommandButton runId={runId} command="resume" icon={<PlayArrowIcon />} disabled={quiet} />
      ) : null}
      {quiet && progress.resumeAt ? (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ alignSelf: 'center' }}
          data-testid="run-resume-hint"
        >
          {translate('app.blasts.run.resume_quiet_hint', {
            time: formatInZone(progress.resumeAt),
          })}
        </Typography>
      ) : null}
      {over ? null : (
        <CommandButton
          runId={runId}
          command="cancel"
          icon={<CancelIcon />}
          confirm={{
            title: 'app.blasts.dialogs.cancel_title',
            content: 'app.blasts.dialogs.cancel_content',
            args: { smart_count: counts.pending + counts.sending },
          }}
        />
      )}
      {counts.unknown > 0 ? (
        <CommandButton
          runId={runId}
          command="resend_unknown"
          icon={<ReplayIcon />}
          confirm={{
            title: 'app.blasts.dialogs.resend_unknown_title',
            content: 'app.blasts.dialogs.resend_unknown_content',
            args: { smart_count: counts.unknown },
          }}
        />
      ) : null}
      {counts.failed > 0 ? (
        <CommandButton
          runId={runId}
          command="resend_failed"
          icon={<ReplayIcon />}
          confirm={{
            title: 'app.blasts.dialogs.resend_failed_title',
            content: 'app.blasts.dialogs.resend_failed_content',
            args: { smart_count: counts.failed },
          }}
        />
      ) : null}
    </Stack>
  );
}
