import { useMemo } from 'react';
import { Edit, useRecordContext } from 'react-admin';

import {
  type CampaignFormValues,
  campaignToForm,
  formToUpdate,
} from '@admin/campaigns/campaignForm';
import { CampaignTitle } from '@admin/campaigns/CampaignTitle';
import { CampaignForm } from '@admin/campaigns/form/CampaignForm';
import { type Campaign } from '@admin/campaigns/types';

function CampaignEditForm() {
  const campaign = useRecordContext<Campaign>();
  const values = useMemo(() => (campaign ? campaignToForm(campaign) : undefined), [campaign]);
  return values ? <CampaignForm record={values} /> : null;
}

/**
 * Saves are pessimistic (the API's per-field errors land under the inputs) and send only the
 * editable fields plus the version the editor started from (a stale one answers 409).
 */
export function CampaignEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      transform={(values: CampaignFormValues) => formToUpdate(values)}
      redirect="show"
      title={<CampaignTitle />}
    >
      <CampaignEditForm />
    </Edit>
  );
}
