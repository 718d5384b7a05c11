import { Alert, Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  AutocompleteArrayInput,
  Labeled,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetList,
  useTranslate,
} from 'react-admin';
import { useController, useWatch } from 'react-hook-form';

import { type AudienceFormValues } from '@admin/audiences/audienceValues';
import { LiveSizePanel } from '@admin/audiences/LiveSizePanel';
import { RuleBuilderInput } from '@admin/audiences/RuleBuilder';
import { newGroup, RULE_LIMITS } from '@admin/audiences/rules';
import { type Audience, AUDIENCE_KINDS } from '@admin/audiences/types';
import { FormSection } from '@admin/campaigns/form/FormSection';
import { maxChars, maxItems } from '@admin/campaigns/validators';
import { EnumValueChip } from '@admin/shared/EnumChip';
import { enumChoices } from '@admin/shared/enumChoices';

const validateName = [required(), maxChars(100)];
const validateDescription = maxChars(500);
const validateExcluded = maxItems(
  RULE_LIMITS.maxExcludedAudiences,
  'app.audience.problems.too_many_exclusions',
);

function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}

/** Dynamic audiences: the rule builder; static lists: where their members come from. */
function MembersSection({ creating }: { creating: boolean }) {
  const translate = useTranslate();
  const kind = useWatch<AudienceFormValues, 'kind'>({ name: 'kind' });
  if (kind === 'static') {
    return (
      <Alert severity="info" sx={{ width: '100%' }}>
        {translate(creating ? 'app.audience.static_new' : 'app.audience.static_members')}
      </Alert>
    );
  }
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {translate('app.audience.helper.rules')}
      </Typography>
      <RuleBuilderInput source="rules" />
    </>
  );
}

/** The other audiences of the channel (not this one) to leave out. */
function ExcludedAudiencesInput() {
  const id = useWatch<AudienceFormValues, 'id'>({ name: 'id' });
  const { data = [], isPending } = useGetList<Audience>('audiences', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
    filter: {},
  });
  const choices = useMemo(
    () =>
      data
        .filter((audience) => audience.id !== id)
        .map(({ id: value, name }) => ({ id: value, name })),
    [data, id],
  );
  return (
    <AutocompleteArrayInput
      source="exclude.audienceIds"
      choices={choices}
      isPending={isPending}
      translateChoice={false}
      validate={validateExcluded}
      helperText="app.audience.helper.exclude_audiences"
      sx={{ minWidth: 420 }}
    />
  );
}

/** A switch for exclusion rules and, when on, their builder. */
function ExclusionRulesInput() {
  const translate = useTranslate();
  const { field } = useController<AudienceFormValues, 'exclude.rules'>({ name: 'exclude.rules' });
  return (
    <>
      <FormControlLabel
        control={
          <Switch
            checked={field.value !== null && field.value !== undefined}
            onChange={(event) => field.onChange(event.target.checked ? newGroup('or') : null)}
            data-testid="exclude-rules-toggle"
          />
        }
        label={translate('app.audience.exclude_rules')}
      />
      {field.value ? <RuleBuilderInput source="exclude.rules" /> : null}
    </>
  );
}

export interface AudienceFormProps {
  record: AudienceFormValues;
  /** The kind is chosen when the audience is created and never changes. */
  creating: boolean;
}

/** Name, kind, rules and exclusions, with the live size next to them. */
export function AudienceForm({ record, creating }: AudienceFormProps) {
  return (
    <SimpleForm record={record} toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges noValidate>
      <Box
        sx={{ display: 'flex', gap: 3, width: '100%', alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <Box sx={{ flex: '1 1 640px', minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <FormSection title="app.audience.sections.basics" />
          <TextInput source="name" validate={validateName} sx={{ maxWidth: 480 }} />
          <TextInput
            source="description"
            multiline
            minRows={2}
            fullWidth
            validate={validateDescription}
          />
          {creating ? (
            <RadioButtonGroupInput
              source="kind"
              choices={enumChoices('audienceKind', AUDIENCE_KINDS)}
              helperText="app.audience.helper.kind"
            />
          ) : (
            <Box sx={{ alignSelf: 'flex-start' }}>
              <Labeled source="kind">
                <EnumValueChip enumName="audienceKind" value={record.kind} />
              </Labeled>
            </Box>
          )}
          <FormSection title="app.audience.sections.rules" />
          <MembersSection creating={creating} />
          <FormSection title="app.audience.sections.exclusions" />
          <ExcludedAudiencesInput />
          <ExclusionRulesInput />
        </Box>
        <Box sx={{ flex: '0 0 300px', position: 'sticky', top: 72, mt: 2 }}>
          <LiveSizePanel />
        </Box>
      </Box>
    </SimpleForm>
  );
}
