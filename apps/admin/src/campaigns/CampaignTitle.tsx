import { useRecordContext, useTranslate } from 'react-admin';

import { type Campaign } from '@admin/campaigns/types';

export function CampaignTitle() {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  return (
    <span>
      {translate('resources.campaigns.name', { smart_count: 1 })}
      {campaign ? ` · ${campaign.name}` : ''}
    </span>
  );
}
