import SettingsIcon from '@mui/icons-material/Settings';
import { type ResourceProps } from 'react-admin';

import { type ChannelSettings } from '@admin/channels/types';
import { lazyView } from '@admin/shared/lazyView';

const channels: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./ChannelList'), 'ChannelList'),
  edit: lazyView(() => import('./ChannelEdit'), 'ChannelEdit'),
  icon: SettingsIcon,
  recordRepresentation: (record: ChannelSettings) => record.name,
};

export default channels;
