import { Box } from '@mui/material';
import { RadioButtonGroupInput, ReferenceInput, required, SelectInput } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type CampaignFormValues } from '@admin/campaigns/campaignForm';
import { enumChoices } from '@admin/shared/enumChoices';

/** Where the public event shows up: the channel's public events or one subscribe calendar. */
export function TargetInputs() {
  const kind = useWatch<CampaignFormValues, 'target.kind'>({ name: 'target.kind' });
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
      <RadioButtonGroupInput
        source="target.kind"
        choices={enumChoices('targetKind', ['public_events', 'subscribe_calendar'])}
      />
      {kind === 'subscribe_calendar' ? (
        <ReferenceInput
          source="target.calendarId"
          reference="subscribe-calendars"
          sort={{ field: 'name', order: 'ASC' }}
        >
          <SelectInput optionText="name" validate={required()} sx={{ minWidth: 240 }} />
        </ReferenceInput>
      ) : null}
    </Box>
  );
}
