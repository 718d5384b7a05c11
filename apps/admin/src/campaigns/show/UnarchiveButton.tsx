import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { Button, useCanAccess, useDataProvider, useRecordContext } from 'react-admin';

import { useCampaignAction } from '@admin/campaigns/show/useCampaignAction';
import { type Campaign } from '@admin/campaigns/types';
import { type ConsoleDataProvider } from '@admin/dataProvider';

/** Brings an archived campaign back to the list as it was; nothing to confirm, it undoes. */
export function UnarchiveButton() {
  const campaign = useRecordContext<Campaign>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  // Whoever may archive may bring it back.
  const { canAccess } = useCanAccess({ resource: 'campaigns', action: 'delete' });
  const { mutate, isPending } = useCampaignAction(
    (id: string) => dataProvider.unarchive(id),
    'app.campaign.notifications.unarchived',
  );
  if (!campaign || !canAccess || !campaign.archived) {
    return null;
  }
  return (
    <Button
      label="app.campaign.actions.unarchive"
      onClick={() => mutate(campaign.id)}
      disabled={isPending}
      data-testid="campaign-unarchive"
    >
      <UnarchiveIcon />
    </Button>
  );
}
