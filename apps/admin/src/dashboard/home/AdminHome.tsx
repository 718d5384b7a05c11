import { Chip, List, ListItemButton, ListItemText, Stack } from '@mui/material';
import { Link, useGetList, useGetManyReference, useTranslate } from 'react-admin';

import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { HomeCard } from '@admin/dashboard/home/HomeCard';
import { HOME_ROWS } from '@admin/dashboard/home/homeQueries';
import { type WebhookEndpoint } from '@admin/webhooks/types';

const KEYS = ['hasRestApiKey', 'hasAdminKey', 'hasClientSecret'] as const;

function EndpointRow({ endpoint }: { endpoint: WebhookEndpoint }) {
  const translate = useTranslate();
  // The server counts the failures (the list's total); one row of the page is enough.
  const { total } = useGetManyReference('webhook-deliveries', {
    target: 'endpointId',
    id: endpoint.id,
    filter: { state: 'failed' },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const failed = total ?? 0;
  return (
    <ListItemButton
      component={Link}
      to={`/webhooks/${endpoint.id}/show`}
      data-testid="home-webhook-row"
    >
      <ListItemText primary={endpoint.description || endpoint.url} secondary={endpoint.url} />
      <Chip
        size="small"
        color={failed > 0 ? 'error' : 'success'}
        label={translate('app.home.admin.failed_deliveries', { smart_count: failed })}
      />
    </ListItemButton>
  );
}

/** Admins keep the channel connected: its Kakao keys and the webhook endpoints' failures. */
export function AdminHome() {
  const translate = useTranslate();
  const { settings } = useCurrentChannel();
  const endpoints = useGetList<WebhookEndpoint>('webhooks', {
    pagination: { page: 1, perPage: HOME_ROWS },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const missing = settings ? KEYS.filter((key) => !settings[key]).length : 0;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
      <HomeCard
        testId="home-keys"
        title={translate(missing === 0 ? 'app.home.admin.keys_ok' : 'app.home.admin.keys_missing', {
          smart_count: missing,
        })}
        isPending={!settings}
        emptyText=""
      >
        <List dense disablePadding>
          {KEYS.map((key) => (
            <ListItemButton
              key={key}
              component={Link}
              to={`/channels/${settings?.id ?? ''}`}
              data-testid="home-key-row"
            >
              <ListItemText primary={translate(`app.home.admin.key.${key}`)} />
              <Chip
                size="small"
                color={settings?.[key] ? 'success' : 'warning'}
                label={translate(
                  settings?.[key] ? 'app.home.admin.key_set' : 'app.home.admin.key_unset',
                )}
              />
            </ListItemButton>
          ))}
        </List>
      </HomeCard>
      <HomeCard
        testId="home-webhooks"
        title={translate('app.home.admin.webhooks', { smart_count: endpoints.total ?? 0 })}
        isPending={endpoints.isPending}
        error={endpoints.error}
        empty={(endpoints.total ?? 0) === 0}
        emptyText={translate('app.home.admin.no_webhooks')}
      >
        <List dense disablePadding>
          {(endpoints.data ?? []).map((endpoint) => (
            <EndpointRow key={endpoint.id} endpoint={endpoint} />
          ))}
        </List>
      </HomeCard>
    </Stack>
  );
}
