import { Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import { ColorSwatch } from '@admin/campaigns/form/ColorInput';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';

export function CalendarNameField() {
  const calendar = useRecordContext<SubscribeCalendar>();
  const translate = useTranslate();
  if (!calendar) {
    return null;
  }
  return (
    <Stack direction="row" sx={{ alignItems: 'center' }}>
      {calendar.color ? <ColorSwatch color={calendar.color} /> : null}
      <span>{calendar.name}</span>
      {calendar.removed ? (
        <em style={{ marginLeft: 8 }}>({translate('app.calendars.removed')})</em>
      ) : null}
    </Stack>
  );
}
