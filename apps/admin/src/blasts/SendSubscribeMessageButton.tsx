import CampaignIcon from '@mui/icons-material/Campaign';
import { CreateButton, useCanAccess, useRecordContext, useTranslate } from 'react-admin';

import { type BlastPrefill } from '@admin/blasts/blastForm';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';

/** Opens the blast wizard with a `calendar` message for this subscribe calendar. */
export function SendSubscribeMessageButton() {
  const calendar = useRecordContext<SubscribeCalendar>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'blasts', action: 'create' });
  if (!calendar || calendar.removed || !canAccess) {
    return null;
  }
  const record: BlastPrefill = {
    name: translate('app.blasts.subscribe_blast_name', { name: calendar.name }),
    message: { idType: 'calendar', subscribeCalendarId: calendar.id },
  };
  return (
    <CreateButton
      resource="blasts"
      label="app.blasts.actions.send_subscribe_message"
      icon={<CampaignIcon />}
      state={{ record }}
      data-testid="send-subscribe-message"
    />
  );
}
