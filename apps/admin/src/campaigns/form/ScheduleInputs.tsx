import { Box } from '@mui/material';
import { BooleanInput, DateInput, required, TextInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

import { type CampaignFormValues } from '@admin/campaigns/campaignForm';
import { RecurrenceInput } from '@admin/campaigns/form/RecurrenceInput';
import { TimeZoneInput } from '@admin/shared/TimeZoneInput';

const LABEL_SHRINK = { inputLabel: { shrink: true } } as const;

/**
 * Start and end, the time zone, the all-day switch (date inputs for all-day events, date-time
 * inputs in the chosen zone for the others) and the recurrence builder.
 */
export function ScheduleInputs() {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext<CampaignFormValues>();
  const allDay = useWatch<CampaignFormValues, 'content.allDay'>({ name: 'content.allDay' });
  const zone = useWatch<CampaignFormValues, 'content.timeZone'>({ name: 'content.timeZone' });

  // Carry the day over when switching, so the other inputs are never empty.
  const onAllDayChange = (next: boolean): void => {
    const content = getValues('content');
    if (next) {
      if (!content.startDate && typeof content.startsAt === 'string' && content.startsAt) {
        setValue('content.startDate', content.startsAt.slice(0, 10));
      }
      if (!content.endDate && typeof content.endsAt === 'string' && content.endsAt) {
        setValue('content.endDate', content.endsAt.slice(0, 10));
      }
    } else {
      if (!content.startsAt && content.startDate) {
        setValue('content.startsAt', `${content.startDate}T10:00`);
      }
      if (!content.endsAt && content.endDate) {
        setValue('content.endsAt', `${content.endDate}T11:00`);
      }
      setValue('content.lunar', false);
    }
  };

  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TimeZoneInput source="content.timeZone" />
        <BooleanInput
          source="content.allDay"
          onChange={(event: { target: { checked: boolean } }) =>
            onAllDayChange(event.target.checked)
          }
        />
        {allDay ? <BooleanInput source="content.lunar" /> : null}
      </Box>
      {allDay ? (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <DateInput source="content.startDate" validate={required()} />
          <DateInput source="content.endDate" validate={required()} />
        </Box>
      ) : (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextInput
            source="content.startsAt"
            type="datetime-local"
            validate={required()}
            slotProps={LABEL_SHRINK}
            helperText={translate('app.campaign.helper.timed_zone', { zone: zone || '—' })}
          />
          <TextInput
            source="content.endsAt"
            type="datetime-local"
            validate={required()}
            slotProps={LABEL_SHRINK}
            helperText={translate('app.campaign.helper.timed_zone', { zone: zone || '—' })}
          />
        </Box>
      )}
      <RecurrenceInput source="content.rrule" />
    </Box>
  );
}
