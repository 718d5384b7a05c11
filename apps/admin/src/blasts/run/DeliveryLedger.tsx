import { Box, Typography } from '@mui/material';
import {
  DataTable,
  FilterForm,
  FunctionField,
  ListBase,
  NumberInput,
  Pagination,
  ReferenceField,
  SelectInput,
  TextField,
  useListContext,
  useTranslate,
} from 'react-admin';

import { recipientLabel } from '@admin/blasts/recipientLabel';
import { deliveryReason } from '@admin/blasts/run/deliveryReason';
import { type BlastDelivery, DELIVERY_STATES } from '@admin/blasts/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { enumChoices } from '@admin/shared/enumChoices';
import { useRefetchWhile } from '@admin/shared/useRefetchWhile';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

// The app's usual date style ("2026. 12. 8."), with seconds: sends are seconds apart.
const SHORT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

const FILTERS = [
  <SelectInput
    key="state"
    source="state"
    label="app.blasts.ledger.state"
    choices={enumChoices('deliveryState', DELIVERY_STATES)}
    alwaysOn
  />,
  <NumberInput
    key="kakaoCode"
    source="kakaoCode"
    label="app.blasts.ledger.kakao_code"
    step={1}
    alwaysOn
  />,
];

function LedgerTable({ live }: { live: boolean }) {
  const { refetch } = useListContext<BlastDelivery>();
  const translate = useTranslate();
  const zoned = useZonedLabel();
  // The ledger follows a live run at a calmer pace than its progress.
  useRefetchWhile(live, refetch, 3000);
  return (
    <DataTable<BlastDelivery> bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="recipientId" label="app.blasts.ledger.recipient" disableSort>
        <ReferenceField source="recipientId" reference="recipients" link={false}>
          <FunctionField render={recipientLabel} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="state" label="app.blasts.ledger.state" disableSort>
        <EnumChipField source="state" enumName="deliveryState" />
      </DataTable.Col>
      <DataTable.Col source="attempts" label="app.blasts.ledger.attempts" disableSort />
      <DataTable.Col source="kakaoCode" label="app.blasts.ledger.kakao_code" disableSort>
        <TextField source="kakaoCode" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="reason" label="app.blasts.ledger.reason" disableSort>
        <FunctionField<BlastDelivery> render={(row) => deliveryReason(row.reason, translate)} />
      </DataTable.Col>
      <DataTable.Col source="sentAt" label={zoned('app.blasts.ledger.sent_at')} disableSort>
        <ZonedDateField source="sentAt" options={SHORT} named={false} />
      </DataTable.Col>
      <DataTable.Col source="updatedAt" label={zoned('app.blasts.ledger.updated_at')} disableSort>
        <ZonedDateField source="updatedAt" options={SHORT} named={false} />
      </DataTable.Col>
    </DataTable>
  );
}

/** Every recipient of the run with their delivery, filterable by state and Kakao's code. */
export function DeliveryLedger({ runId, live }: { runId: string; live: boolean }) {
  const translate = useTranslate();
  return (
    <Box data-testid="delivery-ledger">
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate('app.blasts.ledger.title')}
      </Typography>
      <ListBase
        resource={`blast-runs/${encodeURIComponent(runId)}/deliveries`}
        sort={{ field: 'id', order: 'ASC' }}
        perPage={25}
        disableSyncWithLocation
        storeKey={false}
        // A sub-list of the blast page, which already required `blasts` access; the API checks
        // blast.read on every page of it.
        disableAuthentication
      >
        <FilterForm filters={FILTERS} />
        <LedgerTable live={live} />
        <Pagination rowsPerPageOptions={[25, 50, 100]} />
      </ListBase>
    </Box>
  );
}
