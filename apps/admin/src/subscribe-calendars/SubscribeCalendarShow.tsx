import { Alert, Box, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  Labeled,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { SendSubscribeMessageButton } from '@admin/blasts/SendSubscribeMessageButton';
import { ImagePreview } from '@admin/campaigns/ImagePreview';
import { type Campaign } from '@admin/campaigns/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { CalendarNameField } from '@admin/subscribe-calendars/CalendarNameField';
import { SyncCalendarsButton } from '@admin/subscribe-calendars/SyncCalendarsButton';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';
import { ZonedDateField } from '@admin/time/ZonedDateField';

function Actions() {
  return (
    <TopToolbar>
      <SendSubscribeMessageButton />
      <SyncCalendarsButton />
    </TopToolbar>
  );
}

function TargetingCampaigns() {
  const calendar = useRecordContext<SubscribeCalendar>();
  const translate = useTranslate();
  if (!calendar) {
    return null;
  }
  if (!calendar.campaigns?.length) {
    return <Alert severity="info">{translate('app.calendars.no_campaigns')}</Alert>;
  }
  return (
    <ArrayField source="campaigns">
      <DataTable<Campaign>
        bulkActionButtons={false}
        rowClick={(id) => `/campaigns/${encodeURIComponent(String(id))}/show`}
      >
        <DataTable.Col source="name" label="resources.campaigns.fields.name" />
        <DataTable.Col source="title" label="resources.campaigns.fields.title" />
        <DataTable.Col source="startsAt" label="resources.campaigns.fields.startsAt">
          <ZonedDateField source="startsAt" />
        </DataTable.Col>
        <DataTable.Col source="syncState" label="resources.campaigns.fields.syncState">
          <EnumChipField source="syncState" enumName="syncState" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
}

export function SubscribeCalendarShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Labeled source="name">
          <CalendarNameField />
        </Labeled>
        <Labeled source="description">
          <TextField source="description" emptyText="—" />
        </Labeled>
        <Labeled source="kakaoCalendarId">
          <TextField source="kakaoCalendarId" />
        </Labeled>
        <Labeled source="syncedAt">
          <ZonedDateField source="syncedAt" />
        </Labeled>
        <CalendarImages />
        <Typography variant="h6" sx={{ mt: 2 }}>
          {translate('app.calendars.campaigns')}
        </Typography>
        <TargetingCampaigns />
      </Box>
    </Show>
  );
}

function CalendarImages() {
  const calendar = useRecordContext<SubscribeCalendar>();
  if (!calendar) {
    return null;
  }
  return (
    <Box sx={{ display: 'flex', gap: 2 }}>
      <ImagePreview
        url={calendar.profileImageUrl}
        label="resources.subscribe-calendars.fields.profileImageUrl"
        width={160}
      />
      <ImagePreview
        url={calendar.thumbnailUrl}
        label="resources.subscribe-calendars.fields.thumbnailUrl"
        width={160}
      />
    </Box>
  );
}
