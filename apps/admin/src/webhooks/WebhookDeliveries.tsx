import {
  Alert,
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  DataTable,
  FunctionField,
  Pagination,
  RecordContextProvider,
  ReferenceManyField,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { JsonValue } from '@admin/shared/JsonValue';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';
import { type WebhookDelivery, type WebhookDeliveryDetail } from '@admin/webhooks/types';
import { RedeliverButton } from '@admin/webhooks/WebhookActions';
import { DeliveryStateChip, StatusCodeChip } from '@admin/webhooks/WebhookChips';
import { deliveriesPollInterval } from '@admin/webhooks/webhookForm';

const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

/** For `<DataTable expand>`: every attempt of the delivery, its body, and redelivery. */
export function DeliveryAttempts() {
  const delivery = useRecordContext<WebhookDelivery>();
  const translate = useTranslate();
  // Its own cache key (meta): react-admin seeds `getOne` with the list's rows, which carry no
  // attempt log, and would render them before the detail arrives.
  const { data, isPending } = useGetOne<WebhookDeliveryDetail>(
    'webhook-deliveries',
    { id: delivery?.id ?? '', meta: { detail: true } },
    {
      enabled: delivery !== undefined,
      refetchInterval: (query) =>
        deliveriesPollInterval(query.state.data ? [query.state.data] : []),
    },
  );
  if (!delivery || isPending || !data) {
    return null;
  }
  const field = (name: string) => translate(`resources.webhook-deliveries.fields.${name}`);
  return (
    <Stack spacing={2} sx={{ py: 1 }} data-testid="webhook-attempts">
      {data.attemptLog.length === 0 ? (
        <Alert severity="info">{translate('app.webhooks.no_attempts')}</Alert>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{field('attemptNo')}</TableCell>
              <TableCell>{field('startedAt')}</TableCell>
              <TableCell>{field('durationMs')}</TableCell>
              <TableCell>{field('statusCode')}</TableCell>
              <TableCell>{field('error')}</TableCell>
              <TableCell>{field('responseBody')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.attemptLog.map((attempt) => (
              <TableRow key={attempt.id}>
                <TableCell>{attempt.attemptNo}</TableCell>
                <TableCell>
                  <RecordContextProvider value={attempt}>
                    <ZonedDateField source="startedAt" options={SHORT} named={false} />
                  </RecordContextProvider>
                </TableCell>
                <TableCell>{attempt.durationMs}</TableCell>
                <TableCell>
                  <StatusCodeChip statusCode={attempt.statusCode} />
                </TableCell>
                <TableCell>{attempt.error ?? ''}</TableCell>
                <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>
                  <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace' }}>
                    {attempt.responseBody ?? ''}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box>
        <Typography variant="subtitle2">{field('payload')}</Typography>
        <JsonValue value={data.payload} />
      </Box>
      <Box>
        <RedeliverButton delivery={data} />
      </Box>
    </Stack>
  );
}

function NoDeliveries() {
  const translate = useTranslate();
  return <Alert severity="info">{translate('app.webhooks.no_deliveries')}</Alert>;
}

/** The endpoint's deliveries, newest first; expand one for its attempts. */
export function WebhookDeliveries() {
  const zoned = useZonedLabel();
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="webhook-deliveries"
      target="endpointId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      queryOptions={{
        refetchInterval: (query) =>
          deliveriesPollInterval(query.state.data?.data as WebhookDelivery[] | undefined),
      }}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      empty={<NoDeliveries />}
    >
      <DataTable<WebhookDelivery>
        rowClick="expand"
        expand={<DeliveryAttempts />}
        bulkActionButtons={false}
      >
        <DataTable.Col
          source="createdAt"
          label={zoned('resources.webhook-deliveries.fields.createdAt')}
        >
          <ZonedDateField source="createdAt" options={SHORT} named={false} />
        </DataTable.Col>
        <DataTable.Col source="eventType" disableSort>
          <FunctionField<WebhookDelivery>
            render={(delivery) =>
              delivery.eventType === 'ping'
                ? translate('app.webhooks.events.ping')
                : translate(`app.webhooks.events.${delivery.eventType}`)
            }
          />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <DeliveryStateChip />
        </DataTable.Col>
        <DataTable.Col source="attempts" disableSort />
        <DataTable.Col source="lastStatusCode" disableSort />
        <DataTable.Col source="lastError" disableSort />
        <DataTable.Col
          source="nextAttemptAt"
          disableSort
          label={zoned('resources.webhook-deliveries.fields.nextAttemptAt')}
        >
          <ZonedDateField source="nextAttemptAt" options={SHORT} named={false} />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}
