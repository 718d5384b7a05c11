import { List, ListItemButton, ListItemText } from '@mui/material';
import { Link, useGetList, useTranslate } from 'react-admin';

import { type Campaign } from '@admin/campaigns/types';
import { HomeCard } from '@admin/dashboard/home/HomeCard';
import { HOME_ROWS } from '@admin/dashboard/home/homeQueries';
import { useFormatInZone } from '@admin/time/ZonedDateField';

/** Managers act on approvals first: the campaigns waiting for them, longest waiting first. */
export function ManagerHome() {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const { data, total, isPending, error } = useGetList<Campaign>('campaigns', {
    filter: { approvalState: ['submitted'] },
    sort: { field: 'updatedAt', order: 'ASC' },
    pagination: { page: 1, perPage: HOME_ROWS },
  });
  const count = total ?? 0;
  return (
    <HomeCard
      testId="home-approvals"
      title={translate('app.home.manager.approvals_waiting', { smart_count: count })}
      isPending={isPending}
      error={error}
      empty={count === 0}
      emptyText={translate('app.home.manager.no_approvals')}
    >
      <List dense disablePadding>
        {(data ?? []).map((campaign) => (
          <ListItemButton
            key={campaign.id}
            component={Link}
            to={`/campaigns/${campaign.id}/show`}
            data-testid="home-approvals-row"
          >
            <ListItemText
              primary={campaign.name}
              secondary={translate('app.home.manager.submitted_line', {
                revision: campaign.submittedRevision ?? campaign.revision,
                time: formatInZone(campaign.updatedAt),
              })}
            />
          </ListItemButton>
        ))}
      </List>
    </HomeCard>
  );
}
