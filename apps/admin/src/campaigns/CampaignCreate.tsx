import { useMemo } from 'react';
import { Create } from 'react-admin';

import {
  type CampaignFormValues,
  formToCreate,
  newCampaignValues,
} from '@admin/campaigns/campaignForm';
import { CampaignForm } from '@admin/campaigns/form/CampaignForm';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';

/** A new draft, starting tomorrow in the channel's time zone (creates always wait for the API). */
export function CampaignCreate() {
  const { timeZone } = useCurrentChannel();
  const initial = useMemo(() => newCampaignValues(timeZone), [timeZone]);
  return (
    <Create transform={(values: CampaignFormValues) => formToCreate(values)} redirect="show">
      <CampaignForm record={initial} />
    </Create>
  );
}
