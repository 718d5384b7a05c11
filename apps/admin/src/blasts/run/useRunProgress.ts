import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';

import { isLiveRun, type RunProgress } from '@admin/blasts/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';

const RECONNECT_MS = 2000;

/** The query key of a run's progress: the stream, the polls and the buttons all write it. */
export const runProgressKey = (runId: string | undefined) => ['blast-runs', runId, 'progress'];

export interface RunProgressState {
  progress: RunProgress | undefined;
  /** The server-sent event stream is connected. */
  streaming: boolean;
}

/**
 * A run's progress, live: `GET /api/blast-runs/:id` once, then its event stream (read through
 * `fetch`, which can send the bearer token `EventSource` cannot) while the run may change,
 * reconnecting after a dropped connection; the stream ends by itself when the run does.
 */
export function useRunProgress(runId: string | undefined): RunProgressState {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const key = runProgressKey(runId);
  const { data: progress } = useQuery<RunProgress>({
    queryKey: key,
    queryFn: async () => (await dataProvider.runProgress(runId ?? '')).data,
    enabled: runId !== undefined,
  });
  const [streaming, setStreaming] = useState(false);
  const follow = runId !== undefined && progress !== undefined && isLiveRun(progress.state);

  useEffect(() => {
    if (!follow || runId === undefined) {
      return undefined;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = (): void => {
      setStreaming(true);
      dataProvider
        .runEvents(
          runId,
          (next) => queryClient.setQueryData(runProgressKey(runId), next),
          controller.signal,
        )
        .catch(() => undefined)
        .finally(() => {
          setStreaming(false);
          if (controller.signal.aborted) {
            return;
          }
          // Dropped before the run ended (a restart, a proxy timeout): read it and reconnect.
          void queryClient.invalidateQueries({ queryKey: runProgressKey(runId) });
          timer = setTimeout(connect, RECONNECT_MS);
        });
    };
    connect();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [follow, runId, dataProvider, queryClient]);

  return { progress, streaming };
}
