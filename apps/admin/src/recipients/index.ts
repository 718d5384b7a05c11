import ContactsIcon from '@mui/icons-material/Contacts';
import { type ResourceProps } from 'react-admin';

import { type Recipient } from '@admin/recipients/types';
import { lazyView } from '@admin/shared/lazyView';

const recipients: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./RecipientList'), 'RecipientList'),
  show: lazyView(() => import('./RecipientShow'), 'RecipientShow'),
  edit: lazyView(() => import('./RecipientEdit'), 'RecipientEdit'),
  icon: ContactsIcon,
  recordRepresentation: (record: Recipient) => record.nickname ?? record.kakaoUserId,
};

export default recipients;
