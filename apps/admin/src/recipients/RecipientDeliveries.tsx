import { Alert, Stack } from '@mui/material';
import { type MouseEvent } from 'react';
import {
  DataTable,
  Link,
  Pagination,
  ReferenceManyField,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { type RecipientDelivery } from '@admin/recipients/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** The blast's name, linked to it for roles that may open blasts. */
function BlastField() {
  const delivery = useRecordContext<RecipientDelivery>();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'blasts', action: 'show' });
  if (!delivery) {
    return null;
  }
  return canAccess ? (
    <Link
      to={createPath({ resource: 'blasts', id: delivery.blastId, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {delivery.blastName}
    </Link>
  ) : (
    <span>{delivery.blastName}</span>
  );
}

/** When the run was due, and how the run stands. */
function RunField() {
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <ZonedDateField source="runScheduledAt" options={SHORT} named={false} />
      <EnumChipField source="runState" enumName="runState" />
    </Stack>
  );
}

/** When Kakao took the message, else when the row last changed (a failure, a skip). */
function TimeField() {
  const delivery = useRecordContext<RecipientDelivery>();
  return (
    <ZonedDateField
      source={delivery?.sentAt ? 'sentAt' : 'updatedAt'}
      options={SHORT}
      named={false}
    />
  );
}

function NoDeliveries() {
  const translate = useTranslate();
  return <Alert severity="info">{translate('app.recipient.no_deliveries')}</Alert>;
}

/** Every delivery of the recipient (every run of every blast), newest first, a page at a time. */
export function RecipientDeliveries() {
  const zoned = useZonedLabel();
  return (
    <ReferenceManyField
      reference="recipient-deliveries"
      target="recipientId"
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, 100]} />}
      empty={<NoDeliveries />}
    >
      <DataTable<RecipientDelivery> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="blastName" disableSort>
          <BlastField />
        </DataTable.Col>
        <DataTable.Col
          source="runScheduledAt"
          disableSort
          label={zoned('resources.recipient-deliveries.fields.runScheduledAt')}
        >
          <RunField />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort>
          <EnumChipField source="state" enumName="deliveryState" />
        </DataTable.Col>
        <DataTable.Col source="kakaoCode" disableSort />
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col
          source="sentAt"
          disableSort
          label={zoned('resources.recipient-deliveries.fields.sentAt')}
        >
          <TimeField />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
}
