import { List, ListItemButton, ListItemText, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, useGetList, useTranslate } from 'react-admin';

import { type Campaign } from '@admin/campaigns/types';
import { HomeCard } from '@admin/dashboard/home/HomeCard';
import { HOME_ROWS, rejectionReason } from '@admin/dashboard/home/homeQueries';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { EnumValueChip } from '@admin/shared/EnumChip';
import { useFormatInZone } from '@admin/time/ZonedDateField';

function RejectedRow({ campaign }: { campaign: Campaign }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  // The reason lives in the approval history; a home shows a few rows, so one request each.
  const { data: reason } = useQuery({
    queryKey: ['campaigns', 'approvals', campaign.id, campaign.revision],
    queryFn: async () => rejectionReason((await dataProvider.approvals(campaign.id)).data),
  });
  return (
    <ListItemButton
      component={Link}
      to={`/campaigns/${campaign.id}/show`}
      data-testid="home-rejected-row"
    >
      <ListItemText
        primary={campaign.name}
        secondary={translate('app.home.marketer.reason', {
          reason: reason ?? translate('app.home.marketer.no_reason'),
        })}
      />
    </ListItemButton>
  );
}

/** Marketers act first on campaigns sent back to them and on copies Kakao's side changed. */
export function MarketerHome() {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const rejected = useGetList<Campaign>('campaigns', {
    filter: { approvalState: ['rejected'] },
    sort: { field: 'updatedAt', order: 'DESC' },
    pagination: { page: 1, perPage: HOME_ROWS },
  });
  const drifted = useGetList<Campaign>('campaigns', {
    filter: { kakaoState: ['drifted', 'missing'] },
    sort: { field: 'updatedAt', order: 'DESC' },
    pagination: { page: 1, perPage: HOME_ROWS },
  });
  const rejectedCount = rejected.total ?? 0;
  const driftedCount = drifted.total ?? 0;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
      <HomeCard
        testId="home-rejected"
        title={translate('app.home.marketer.rejected', { smart_count: rejectedCount })}
        isPending={rejected.isPending}
        error={rejected.error}
        empty={rejectedCount === 0}
        emptyText={translate('app.home.marketer.no_rejected')}
      >
        <List dense disablePadding>
          {(rejected.data ?? []).map((campaign) => (
            <RejectedRow key={campaign.id} campaign={campaign} />
          ))}
        </List>
      </HomeCard>
      <HomeCard
        testId="home-drifted"
        title={translate('app.home.marketer.drifted', { smart_count: driftedCount })}
        isPending={drifted.isPending}
        error={drifted.error}
        empty={driftedCount === 0}
        emptyText={translate('app.home.marketer.no_drifted')}
      >
        <List dense disablePadding>
          {(drifted.data ?? []).map((campaign) => (
            <ListItemButton
              key={campaign.id}
              component={Link}
              to={`/campaigns/${campaign.id}/show/kakao`}
              data-testid="home-drifted-row"
            >
              <ListItemText
                primary={campaign.name}
                secondary={
                  campaign.kakaoCheckedAt
                    ? translate('app.home.marketer.checked_at', {
                        time: formatInZone(campaign.kakaoCheckedAt),
                      })
                    : undefined
                }
              />
              <EnumValueChip enumName="kakaoState" value={campaign.kakaoState} />
            </ListItemButton>
          ))}
        </List>
      </HomeCard>
    </Stack>
  );
}
