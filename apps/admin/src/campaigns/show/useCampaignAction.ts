import { useMutation } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';

/** One action on a campaign: say it worked (or why not) and reload what the screen shows. */
export function useCampaignAction<Input>(
  perform: (input: Input) => Promise<unknown>,
  successMessage: string,
  onDone?: () => void,
  messageArgs?: Record<string, unknown>,
): { mutate: (input: Input) => void; isPending: boolean } {
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: perform,
    onSuccess: () => {
      notify(successMessage, { type: 'success', messageArgs });
      onDone?.();
      refresh();
    },
    onError: (error: Error) => {
      notify(error.message, { type: 'error', messageArgs: { _: error.message } });
      refresh();
    },
  });
  return { mutate, isPending };
}
