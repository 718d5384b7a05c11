import { useMemo } from 'react';
import {
  ArrayInput,
  Edit,
  FormDataConsumer,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import {
  ATTRIBUTE_TYPES,
  type AttributeRow,
  attributeNameProblem,
  attributeValueProblem,
  formToRecipientUpdate,
  type RecipientFormValues,
  recipientToForm,
} from '@admin/recipients/recipientForm';
import { RecipientTitle } from '@admin/recipients/RecipientTitle';
import { type Recipient } from '@admin/recipients/types';
import { enumChoices } from '@admin/shared/enumChoices';
import { TimeZoneInput } from '@admin/shared/TimeZoneInput';

const typeChoices = enumChoices('attributeType', ATTRIBUTE_TYPES);
const booleanChoices = [
  { id: 'true', name: 'app.common.yes' },
  { id: 'false', name: 'app.common.no' },
];

/** The row of `attributes.3.value` (validators get the input's full source). */
function rowOf(values: Partial<RecipientFormValues>, source: string): AttributeRow | undefined {
  const index = Number(/^attributes\.(\d+)\./.exec(source)?.[1]);
  return Number.isInteger(index) ? values.attributes?.[index] : undefined;
}

function validateName(value: unknown, values: Partial<RecipientFormValues>) {
  return attributeNameProblem(typeof value === 'string' ? value : '', values.attributes ?? []);
}

function validateValue(_value: unknown, values: Partial<RecipientFormValues>, props: unknown) {
  const source = (props as { source?: string } | undefined)?.source ?? '';
  return attributeValueProblem(rowOf(values, source));
}

function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}

function RecipientEditForm() {
  const recipient = useRecordContext<Recipient>();
  const { timeZone } = useCurrentChannel();
  const translate = useTranslate();
  const values = useMemo(() => (recipient ? recipientToForm(recipient) : undefined), [recipient]);
  if (!values) {
    return null;
  }
  return (
    <SimpleForm record={values} toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges noValidate>
      <TextArrayInput source="tags" helperText="app.recipient.helper.tags" sx={{ minWidth: 360 }} />
      <ArrayInput source="attributes" helperText="app.recipient.helper.attributes">
        <SimpleFormIterator inline disableReordering>
          <TextInput
            source="name"
            label="app.recipient.attribute.name"
            validate={validateName}
            sx={{ width: 220 }}
          />
          <SelectInput
            source="type"
            label="app.recipient.attribute.type"
            choices={typeChoices}
            defaultValue="text"
            sx={{ width: 140 }}
          />
          <FormDataConsumer>
            {({ scopedFormData }) =>
              (scopedFormData as AttributeRow | undefined)?.type === 'boolean' ? (
                <SelectInput
                  source="value"
                  label="app.recipient.attribute.value"
                  choices={booleanChoices}
                  validate={validateValue}
                  sx={{ width: 160 }}
                />
              ) : (
                <TextInput
                  source="value"
                  label="app.recipient.attribute.value"
                  validate={validateValue}
                  sx={{ width: 280 }}
                />
              )
            }
          </FormDataConsumer>
        </SimpleFormIterator>
      </ArrayInput>
      <TimeZoneInput
        source="timeZone"
        optional
        helperText={translate('app.recipient.helper.time_zone', { zone: timeZone })}
      />
    </SimpleForm>
  );
}

/**
 * Tags, attributes and time zone (roles that manage recipients); saves wait for the API, send
 * the version the editor started from (409 when someone else saved meanwhile) and the
 * attributes as a whole.
 */
export function RecipientEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      transform={(values: RecipientFormValues) => formToRecipientUpdate(values)}
      redirect="show"
      title={<RecipientTitle />}
    >
      <RecipientEditForm />
    </Edit>
  );
}
