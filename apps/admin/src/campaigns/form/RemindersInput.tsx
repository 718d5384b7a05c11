import { SelectArrayInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type CampaignFormValues } from '@admin/campaigns/campaignForm';
import { MAX_REMINDERS, reminderChoices, reminderLabel } from '@admin/campaigns/reminders';
import { maxItems } from '@admin/campaigns/validators';

const atMostTwo = maxItems(MAX_REMINDERS, 'app.validation.reminders_max');

/** Up to two reminders, offered in words ("1 hour before", "the day before at 09:00"). */
export function RemindersInput() {
  const translate = useTranslate();
  const allDay = useWatch<CampaignFormValues, 'content.allDay'>({ name: 'content.allDay' });
  const current = useWatch<CampaignFormValues, 'content.reminders'>({ name: 'content.reminders' });
  const choices = reminderChoices(allDay, current ?? []).map((minutes) => ({
    id: minutes,
    name: reminderLabel(minutes, allDay, translate),
  }));
  return (
    <SelectArrayInput
      source="content.reminders"
      choices={choices}
      translateChoice={false}
      validate={atMostTwo}
      helperText={
        allDay ? 'app.campaign.helper.reminders_all_day' : 'app.campaign.helper.reminders_timed'
      }
      sx={{ minWidth: 320 }}
    />
  );
}
