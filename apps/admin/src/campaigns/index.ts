import CampaignIcon from '@mui/icons-material/Campaign';
import { type ResourceProps } from 'react-admin';

import { type Campaign } from '@admin/campaigns/types';
import { lazyView } from '@admin/shared/lazyView';

const campaigns: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./CampaignList'), 'CampaignList'),
  show: lazyView(() => import('./CampaignShow'), 'CampaignShow'),
  create: lazyView(() => import('./CampaignCreate'), 'CampaignCreate'),
  edit: lazyView(() => import('./CampaignEdit'), 'CampaignEdit'),
  icon: CampaignIcon,
  recordRepresentation: (record: Campaign) => record.name,
};

export default campaigns;
