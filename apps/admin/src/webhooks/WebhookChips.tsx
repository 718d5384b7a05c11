import { Chip, type ChipProps, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import {
  type WebhookDelivery,
  type WebhookDeliveryState,
  type WebhookEndpoint,
} from '@admin/webhooks/types';
import { attemptOutcome } from '@admin/webhooks/webhookForm';

const STATE_COLORS: Record<WebhookDeliveryState, ChipProps['color']> = {
  pending: 'info',
  delivered: 'success',
  failed: 'error',
};

/** The events an endpoint subscribes to, as small chips. */
export function EventChips() {
  const endpoint = useRecordContext<WebhookEndpoint>();
  const translate = useTranslate();
  if (!endpoint) {
    return null;
  }
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {endpoint.events.map((event) => (
        <Chip
          key={event}
          size="small"
          label={translate(`app.webhooks.events.${event}`)}
          title={event}
        />
      ))}
    </Stack>
  );
}

/** A delivery's state. */
export function DeliveryStateChip() {
  const delivery = useRecordContext<WebhookDelivery>();
  const translate = useTranslate();
  if (!delivery) {
    return null;
  }
  return (
    <Chip
      size="small"
      color={STATE_COLORS[delivery.state]}
      label={translate(`app.webhooks.states.${delivery.state}`)}
    />
  );
}

/** The HTTP status of an answer, or "no answer". */
export function StatusCodeChip({ statusCode }: { statusCode: number | null }) {
  const translate = useTranslate();
  const outcome = attemptOutcome(statusCode);
  return (
    <Chip
      size="small"
      variant="outlined"
      color={outcome === 'ok' ? 'success' : 'error'}
      label={statusCode === null ? translate('app.webhooks.no_answer') : String(statusCode)}
    />
  );
}
