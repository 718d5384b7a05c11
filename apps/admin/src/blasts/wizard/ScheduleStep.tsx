import { Box } from '@mui/material';
import { useEffect } from 'react';
import {
  BooleanInput,
  RadioButtonGroupInput,
  required,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

import { type BlastFormValues, scheduleStartDate } from '@admin/blasts/blastForm';
import { SCHEDULE_KINDS } from '@admin/blasts/types';
import { RecurrenceInput } from '@admin/campaigns/form/RecurrenceInput';
import { buildRrule, defaultRecurrence } from '@admin/campaigns/recurrence';
import { enumChoices } from '@admin/shared/enumChoices';
import { TimeZoneInput } from '@admin/shared/TimeZoneInput';

const LABEL_SHRINK = { inputLabel: { shrink: true } } as const;

/** Step 3: now, once at a local time in a zone, or on every occurrence of a rule from then. */
export function ScheduleStep() {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext<BlastFormValues>();
  const [kind, zone, at] = useWatch<
    BlastFormValues,
    ['schedule.kind', 'schedule.timeZone', 'schedule.at']
  >({ name: ['schedule.kind', 'schedule.timeZone', 'schedule.at'] });

  // A recurring schedule always has a rule: start from "every week".
  useEffect(() => {
    if (kind === 'recurring' && !getValues('schedule.rrule')) {
      setValue('schedule.rrule', buildRrule(defaultRecurrence('WEEKLY')), { shouldDirty: true });
    }
  }, [kind, getValues, setValue]);

  return (
    <Box sx={{ width: '100%', maxWidth: 760 }}>
      <RadioButtonGroupInput
        source="schedule.kind"
        choices={enumChoices('scheduleKind', SCHEDULE_KINDS)}
      />
      {kind === 'now' ? null : (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TimeZoneInput source="schedule.timeZone" />
          <TextInput
            source="schedule.at"
            type="datetime-local"
            validate={required()}
            slotProps={LABEL_SHRINK}
            helperText={translate('app.campaign.helper.timed_zone', { zone: zone || '—' })}
          />
        </Box>
      )}
      {kind === 'recurring' ? (
        <>
          <RecurrenceInput source="schedule.rrule" startDate={scheduleStartDate(at)} required />
          <BooleanInput
            source="schedule.onlyNotReached"
            helperText="app.blasts.helper.only_not_reached"
          />
        </>
      ) : null}
    </Box>
  );
}
