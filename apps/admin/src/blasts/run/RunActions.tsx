import CancelIcon from '@mui/icons-material/Cancel';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ReplayIcon from '@mui/icons-material/Replay';
import { Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider } from 'react-admin';

import { runProgressKey } from '@admin/blasts/run/useRunProgress';
import { type RunProgress } from '@admin/blasts/types';
import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type ConsoleDataProvider } from '@admin/dataProvider';

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

/** Pause, resume or cancel a run, and resend its `unknown` or failed deliveries, as it allows. */
export function RunActions({ progress }: { progress: RunProgress }) {
  const { canAccess } = useCanAccess({ resource: 'blasts', action: 'control' });
  if (!canAccess) {
    return null;
  }
  const { state, counts, runId } = progress;
  const over = state === 'completed' || state === 'cancelled';
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="run-actions">
      {state === 'sending' ? (
        <CommandButton runId={runId} command="pause" icon={<PauseIcon />} />
      ) : null}
      {state === 'paused' ? (
        <CommandButton runId={runId} command="resume" icon={<PlayArrowIcon />} />
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
