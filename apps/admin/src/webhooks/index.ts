import WebhookIcon from '@mui/icons-material/Webhook';
import { type ResourceProps } from 'react-admin';

import { lazyView } from '@admin/shared/lazyView';
import { type WebhookEndpoint } from '@admin/webhooks/types';

const webhooks: Omit<ResourceProps, 'name'> = {
  list: lazyView(() => import('./WebhookList'), 'WebhookList'),
  show: lazyView(() => import('./WebhookShow'), 'WebhookShow'),
  create: lazyView(() => import('./WebhookCreate'), 'WebhookCreate'),
  edit: lazyView(() => import('./WebhookEdit'), 'WebhookEdit'),
  icon: WebhookIcon,
  recordRepresentation: (record: WebhookEndpoint) => record.url,
};

export default webhooks;
