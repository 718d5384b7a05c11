import { Box } from '@mui/material';
import {
  NumberInput,
  required,
  SaveButton,
  SimpleForm,
  TextArrayInput,
  TextInput,
  Toolbar,
} from 'react-admin';

import { type CampaignFormValues } from '@admin/campaigns/campaignForm';
import { BannerInputs } from '@admin/campaigns/form/BannerInputs';
import { ColorInput } from '@admin/campaigns/form/ColorInput';
import { FormSection } from '@admin/campaigns/form/FormSection';
import { LengthHelper } from '@admin/campaigns/form/LengthHelper';
import { RemindersInput } from '@admin/campaigns/form/RemindersInput';
import { ScheduleInputs } from '@admin/campaigns/form/ScheduleInputs';
import { ScrollToFirstError } from '@admin/campaigns/form/ScrollToFirstError';
import { TargetInputs } from '@admin/campaigns/form/TargetInputs';
import { maxChars } from '@admin/campaigns/validators';

// Only what a person would otherwise submit in vain is checked here; every Kakao limit is the
// API's, and its answer lands under the input it names.
const validateName = [required(), maxChars(100)];
const TITLE_MAX = 50;
const validateTitle = [required(), maxChars(TITLE_MAX)];
const validateDescription = maxChars(5000);

function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}

/** Every field of a campaign, in the order a marketer fills them in. */
export function CampaignForm({ record }: { record: CampaignFormValues }) {
  return (
    <SimpleForm record={record} toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges noValidate>
      <ScrollToFirstError />
      <FormSection title="app.campaign.sections.basics" />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
        <TextInput
          source="name"
          validate={validateName}
          helperText="app.campaign.helper.name"
          sx={{ flex: '1 1 280px' }}
        />
        <TextInput
          source="content.title"
          validate={validateTitle}
          helperText={
            <LengthHelper source="content.title" max={TITLE_MAX} hint="app.campaign.helper.title" />
          }
          sx={{ flex: '1 1 280px' }}
        />
      </Box>
      <TextInput
        source="content.description"
        multiline
        minRows={3}
        fullWidth
        validate={validateDescription}
      />
      <TargetInputs />
      <ColorInput source="content.color" />

      <FormSection title="app.campaign.sections.schedule" />
      <ScheduleInputs />

      <FormSection title="app.campaign.sections.place" />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
        <TextInput source="content.location.name" sx={{ flex: '1 1 240px' }} />
        <TextInput source="content.location.address" sx={{ flex: '2 1 320px' }} />
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <NumberInput source="content.location.latitude" step={0.000001} sx={{ width: 180 }} />
        <NumberInput source="content.location.longitude" step={0.000001} sx={{ width: 180 }} />
        <NumberInput source="content.location.locationId" sx={{ width: 200 }} />
      </Box>
      <RemindersInput />

      <FormSection title="app.campaign.sections.banner" />
      <BannerInputs />

      <FormSection title="app.campaign.sections.internal" />
      <TextArrayInput source="tags" helperText="app.campaign.helper.tags" sx={{ minWidth: 360 }} />
      <TextInput source="notes" multiline minRows={2} fullWidth />
    </SimpleForm>
  );
}
