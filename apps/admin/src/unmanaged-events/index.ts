import EventBusyIcon from '@mui/icons-material/EventBusy';
import { type ResourceProps } from 'react-admin';

import { lazyView } from '@admin/shared/lazyView';
import { type UnmanagedEvent } from '@admin/unmanaged-events/types';

const unmanagedEvents: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./UnmanagedEventList'), 'UnmanagedEventList'),
  icon: EventBusyIcon,
  recordRepresentation: (record: UnmanagedEvent) => record.title,
};

export default unmanagedEvents;
