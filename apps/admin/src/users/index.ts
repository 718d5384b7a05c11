import PeopleIcon from '@mui/icons-material/People';
import { type ResourceProps } from 'react-admin';

import { lazyView } from '@admin/shared/lazyView';
import { type ConsoleUser } from '@admin/users/types';

const users: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./UserList'), 'UserList'),
  create: lazyView(() => import('./UserCreate'), 'UserCreate'),
  edit: lazyView(() => import('./UserEdit'), 'UserEdit'),
  icon: PeopleIcon,
  recordRepresentation: (record: ConsoleUser) => record.displayName || record.email,
};

export default users;
