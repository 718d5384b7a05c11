import { List, ListItemButton, ListItemText, Stack } from '@mui/material';
import { Link, RecordContextProvider, useGetList, useTranslate } from 'react-admin';

import { LatestRunProgress } from '@admin/blasts/LatestRunProgress';
import { type Blast } from '@admin/blasts/types';
import { useBlastRuns } from '@admin/blasts/useBlastRuns';
import { HomeCard } from '@admin/dashboard/home/HomeCard';
import { HOME_ROWS, nextPendingRun } from '@admin/dashboard/home/homeQueries';
import { useFormatInZone } from '@admin/time/ZonedDateField';

function ScheduledRow({ blast }: { blast: Blast }) {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const { data: runs } = useBlastRuns(blast);
  const next = nextPendingRun(runs ?? []);
  return (
    <ListItemButton component={Link} to={`/blasts/${blast.id}/show`} data-testid="home-next-row">
      <ListItemText
        primary={blast.name}
        secondary={
          next
            ? translate('app.home.scheduler.next_at', { time: formatInZone(next.scheduledAt) })
            : undefined
        }
      />
    </ListItemButton>
  );
}

/** Schedulers watch the blasts sending now and the ones about to start. */
export function SchedulerHome() {
  const translate = useTranslate();
  const running = useGetList<Blast>('blasts', {
    filter: { state: ['active'] },
    sort: { field: 'updatedAt', order: 'DESC' },
    pagination: { page: 1, perPage: HOME_ROWS },
  });
  const scheduled = useGetList<Blast>('blasts', {
    filter: { state: ['scheduled'] },
    sort: { field: 'updatedAt', order: 'DESC' },
    pagination: { page: 1, perPage: HOME_ROWS },
  });
  const runningCount = running.total ?? 0;
  const scheduledCount = scheduled.total ?? 0;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
      <HomeCard
        testId="home-running"
        title={translate('app.home.scheduler.running', { smart_count: runningCount })}
        isPending={running.isPending}
        error={running.error}
        empty={runningCount === 0}
        emptyText={translate('app.home.scheduler.none_running')}
      >
        <List dense disablePadding>
          {(running.data ?? []).map((blast) => (
            <ListItemButton
              key={blast.id}
              component={Link}
              to={`/blasts/${blast.id}/show`}
              data-testid="home-running-row"
              sx={{ flexDirection: 'column', alignItems: 'stretch', gap: 0.5 }}
            >
              <ListItemText primary={blast.name} />
              <RecordContextProvider value={blast}>
                <LatestRunProgress />
              </RecordContextProvider>
            </ListItemButton>
          ))}
        </List>
      </HomeCard>
      <HomeCard
        testId="home-next"
        title={translate('app.home.scheduler.scheduled', { smart_count: scheduledCount })}
        isPending={scheduled.isPending}
        error={scheduled.error}
        empty={scheduledCount === 0}
        emptyText={translate('app.home.scheduler.none_scheduled')}
      >
        <List dense disablePadding>
          {(scheduled.data ?? []).map((blast) => (
            <ScheduledRow key={blast.id} blast={blast} />
          ))}
        </List>
      </HomeCard>
    </Stack>
  );
}
