import { Alert, Box, Typography } from '@mui/material';
import { ArrayField, DataTable, useRecordContext, useTranslate } from 'react-admin';

import { consentReasonText } from '@admin/recipients/consentReason';
import { type ConsentChange, type RecipientDetail } from '@admin/recipients/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';

function ReasonField() {
  const change = useRecordContext<ConsentChange>();
  const translate = useTranslate();
  return change ? <span>{consentReasonText(change.reason, translate) ?? '—'}</span> : null;
}

function Empty() {
  const translate = useTranslate();
  return <Alert severity="info">{translate('app.recipient.history.empty')}</Alert>;
}

/** How the consent and the channel relation changed, newest first (the latest 50 of each). */
export function RecipientHistory() {
  const recipient = useRecordContext<RecipientDetail>();
  const translate = useTranslate();
  const zoned = useZonedLabel();
  if (!recipient) {
    return null;
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="h6">{translate('app.recipient.history.consent')}</Typography>
      {recipient.consentHistory.length === 0 ? (
        <Empty />
      ) : (
        <ArrayField source="consentHistory">
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="at" label={zoned('app.recipient.history.at')} disableSort>
              <ZonedDateField source="at" named={false} />
            </DataTable.Col>
            <DataTable.Col source="from" label="app.recipient.history.from" disableSort>
              <EnumChipField source="from" enumName="consentState" />
            </DataTable.Col>
            <DataTable.Col source="to" label="app.recipient.history.to" disableSort>
              <EnumChipField source="to" enumName="consentState" />
            </DataTable.Col>
            <DataTable.Col source="reason" label="app.recipient.history.reason" disableSort>
              <ReasonField />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      )}
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate('app.recipient.history.relation')}
      </Typography>
      {recipient.relationHistory.length === 0 ? (
        <Empty />
      ) : (
        <ArrayField source="relationHistory">
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="at" label={zoned('app.recipient.history.at')} disableSort>
              <ZonedDateField source="at" named={false} />
            </DataTable.Col>
            <DataTable.Col source="from" label="app.recipient.history.from" disableSort>
              <EnumChipField source="from" enumName="channelRelation" />
            </DataTable.Col>
            <DataTable.Col source="to" label="app.recipient.history.to" disableSort>
              <EnumChipField source="to" enumName="channelRelation" />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      )}
    </Box>
  );
}
