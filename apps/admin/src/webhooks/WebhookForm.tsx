import {
  BooleanInput,
  CheckboxGroupInput,
  required,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';

import { WEBHOOK_EVENT_TYPES } from '@admin/webhooks/types';
import { eventsError, webhookUrlError } from '@admin/webhooks/webhookForm';

/** The event checkboxes, labelled in the user's language. */
export function useEventChoices(): { id: string; name: string }[] {
  const translate = useTranslate();
  return WEBHOOK_EVENT_TYPES.map((event) => ({
    id: event,
    name: `${translate(`app.webhooks.events.${event}`)} (${event})`,
  }));
}

/** URL, events, description and enabled: the fields of create and edit. */
export function WebhookForm() {
  const choices = useEventChoices();
  return (
    <SimpleForm noValidate>
      <TextInput
        source="url"
        type="url"
        fullWidth
        validate={[required(), webhookUrlError]}
        helperText="app.webhooks.help.url"
      />
      <CheckboxGroupInput source="events" choices={choices} row={false} validate={eventsError} />
      <TextInput source="description" fullWidth />
      <BooleanInput source="enabled" />
    </SimpleForm>
  );
}
