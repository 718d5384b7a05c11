import { Box } from '@mui/material';
import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type BlastFormValues } from '@admin/blasts/blastForm';
import { EstimatePanel } from '@admin/blasts/EstimatePanel';

const BY_NAME = { field: 'name', order: 'ASC' } as const;

/** Step 2: who receives it; the estimate says how many may be messaged now. */
export function AudienceStep() {
  const [audienceId, ratePerSecond] = useWatch<BlastFormValues, ['audienceId', 'ratePerSecond']>({
    name: ['audienceId', 'ratePerSecond'],
  });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 720 }}>
      <ReferenceInput source="audienceId" reference="audiences" sort={BY_NAME}>
        <AutocompleteInput
          optionText="name"
          validate={required()}
          helperText="app.blasts.helper.audience"
          fullWidth
        />
      </ReferenceInput>
      <EstimatePanel audienceId={audienceId} ratePerSecond={ratePerSecond} />
    </Box>
  );
}
