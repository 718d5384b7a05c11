import GroupsIcon from '@mui/icons-material/Groups';
import { type ResourceProps } from 'react-admin';

import { type Audience } from '@admin/audiences/types';
import { lazyView } from '@admin/shared/lazyView';

const audiences: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./AudienceList'), 'AudienceList'),
  show: lazyView(() => import('./AudienceShow'), 'AudienceShow'),
  create: lazyView(() => import('./AudienceCreate'), 'AudienceCreate'),
  edit: lazyView(() => import('./AudienceEdit'), 'AudienceEdit'),
  icon: GroupsIcon,
  recordRepresentation: (record: Audience) => record.name,
};

export default audiences;
