import { Box } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type BlastFormValues, MAX_RATE_PER_SECOND } from '@admin/blasts/blastForm';
import { EstimatePanel } from '@admin/blasts/EstimatePanel';
import { anySuggestion, NEWEST, recipientPickerText } from '@admin/blasts/recipientLabel';
import { RecipientOption } from '@admin/blasts/RecipientOption';
import { DELIVERY_MODES } from '@admin/blasts/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { enumChoices } from '@admin/shared/enumChoices';

const validateRate = [required(), minValue(1), maxValue(MAX_RATE_PER_SECOND)];
const validateCap = [minValue(1), maxValue(100)];

/** Step 4: pace, quiet hours, the weekly cap per person, how it is sent and whether clicks count. */
export function DeliveryStep() {
  const translate = useTranslate();
  const { settings } = useCurrentChannel();
  const [mode, audienceId, ratePerSecond, quietHours, scheduleKind] = useWatch<
    BlastFormValues,
    ['deliveryMode', 'audienceId', 'ratePerSecond', 'quietHours', 'schedule.kind']
  >({ name: ['deliveryMode', 'audienceId', 'ratePerSecond', 'quietHours', 'schedule.kind'] });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', maxWidth: 720 }}>
      <NumberInput
        source="ratePerSecond"
        min={1}
        max={MAX_RATE_PER_SECOND}
        step={1}
        validate={validateRate}
        helperText="app.blasts.helper.rate"
        sx={{ width: 260 }}
      />
      <BooleanInput
        source="quietHours"
        helperText={translate('app.blasts.helper.quiet_hours', {
          start: settings?.quietHoursStart ?? '21:00',
          end: settings?.quietHoursEnd ?? '08:00',
        })}
      />
      <NumberInput
        source="frequencyCap"
        min={1}
        max={100}
        step={1}
        validate={validateCap}
        helperText="app.blasts.helper.frequency_cap"
        sx={{ width: 260 }}
      />
      <RadioButtonGroupInput
        source="deliveryMode"
        choices={enumChoices('deliveryMode', DELIVERY_MODES)}
        helperText="app.blasts.helper.delivery_mode"
      />
      <BooleanInput
        source="message.tracking"
        // Friends mode sends one message for several people: nobody's own links, nothing to count.
        disabled={mode === 'friends'}
        helperText={
          mode === 'friends' ? 'app.blasts.helper.tracking_friends' : 'app.blasts.helper.tracking'
        }
      />
      {mode === 'friends' ? (
        <ReferenceInput source="senderRecipientId" reference="recipients" sort={NEWEST}>
          <AutocompleteInput
            optionText={<RecipientOption />}
            inputText={recipientPickerText}
            matchSuggestion={anySuggestion}
            validate={required()}
            helperText="app.blasts.helper.sender"
            fullWidth
          />
        </ReferenceInput>
      ) : null}
      <EstimatePanel
        audienceId={audienceId}
        ratePerSecond={ratePerSecond}
        quietHours={Boolean(quietHours) && scheduleKind === 'now'}
      />
    </Box>
  );
}
