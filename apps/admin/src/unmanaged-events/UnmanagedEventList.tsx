import { Alert, Box, Typography } from '@mui/material';
import {
  DataTable,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { ReconcileButton } from '@admin/campaigns/ReconcileButton';
import { useZonedLabel, ZonedDateField } from '@admin/time/ZonedDateField';
import { ImportButton } from '@admin/unmanaged-events/ImportButton';
import { type UnmanagedEvent } from '@admin/unmanaged-events/types';

function ImportedField() {
  const event = useRecordContext<UnmanagedEvent>();
  if (!event?.importedCampaignId) {
    return <ImportButton />;
  }
  return (
    <ReferenceField source="importedCampaignId" reference="campaigns" link="show">
      <TextField source="name" />
    </ReferenceField>
  );
}

/** No unmanaged events (yet): the way to look for new ones stays on screen. */
function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2 }} data-testid="unmanaged-empty">
      <Typography variant="h6" gutterBottom>
        {translate('app.unmanaged.empty_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 560, mx: 'auto', mb: 2 }}>
        {translate('app.unmanaged.empty_hint')}
      </Typography>
      <ReconcileButton resource="unmanaged-events" />
    </Box>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <ReconcileButton resource="unmanaged-events" />
    </TopToolbar>
  );
}

export function UnmanagedEventList() {
  const zoned = useZonedLabel();
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('app.unmanaged.intro')}
      </Alert>
      <List
        actions={<Actions />}
        empty={<Empty />}
        sort={{ field: 'startsAt', order: 'ASC' }}
        exporter={false}
      >
        <DataTable<UnmanagedEvent> rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="title" />
          <DataTable.Col
            source="startsAt"
            label={zoned('resources.unmanaged-events.fields.startsAt')}
          >
            <ZonedDateField source="startsAt" named={false} />
          </DataTable.Col>
          <DataTable.Col
            source="endsAt"
            disableSort
            label={zoned('resources.unmanaged-events.fields.endsAt')}
          >
            <ZonedDateField source="endsAt" named={false} />
          </DataTable.Col>
          <DataTable.Col source="kakaoEventId" disableSort />
          <DataTable.Col
            source="lastSeenAt"
            disableSort
            label={zoned('resources.unmanaged-events.fields.lastSeenAt')}
          >
            <ZonedDateField source="lastSeenAt" named={false} />
          </DataTable.Col>
          <DataTable.Col source="importedCampaignId" disableSort>
            <ImportedField />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
}
