import SendIcon from '@mui/icons-material/Send';
import { type ResourceProps } from 'react-admin';

import { type Blast } from '@admin/blasts/types';
import { lazyView } from '@admin/shared/lazyView';

const blasts: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./BlastList'), 'BlastList'),
  show: lazyView(() => import('./BlastShow'), 'BlastShow'),
  create: lazyView(() => import('./BlastCreate'), 'BlastCreate'),
  icon: SendIcon,
  recordRepresentation: (record: Blast) => record.name,
};

export default blasts;
