import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { Button, CreateButton, FilterButton, TopToolbar, useRedirect } from 'react-admin';

import { ReconcileButton } from '@admin/campaigns/ReconcileButton';

export function CampaignListActions() {
  const redirect = useRedirect();
  return (
    <TopToolbar>
      <FilterButton />
      <Button label="app.campaign.actions.calendar_view" onClick={() => redirect('/calendar')}>
        <CalendarMonthIcon />
      </Button>
      <ReconcileButton />
      <CreateButton />
    </TopToolbar>
  );
}
