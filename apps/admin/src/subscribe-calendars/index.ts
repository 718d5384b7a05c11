import EventNoteIcon from '@mui/icons-material/EventNote';
import { type ResourceProps } from 'react-admin';

import { lazyView } from '@admin/shared/lazyView';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';

const subscribeCalendars: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./SubscribeCalendarList'), 'SubscribeCalendarList'),
  show: lazyView(() => import('./SubscribeCalendarShow'), 'SubscribeCalendarShow'),
  icon: EventNoteIcon,
  recordRepresentation: (record: SubscribeCalendar) => record.name,
};

export default subscribeCalendars;
