import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';

import { type Blast, type BlastRun } from '@admin/blasts/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';

/** A blast's runs, newest first (none while it is a draft). */
export function useBlastRuns(blast: Blast | undefined) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery<BlastRun[]>({
    queryKey: ['blasts', blast?.id, 'runs'],
    queryFn: async () => (await dataProvider.blastRuns(blast?.id ?? '')).data,
    enabled: blast !== undefined && blast.state !== 'draft',
  });
}
