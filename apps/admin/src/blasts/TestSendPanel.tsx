import SendIcon from '@mui/icons-material/Send';
import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Form,
  HttpError,
  ReferenceInput,
  required,
  SaveButton,
  useCanAccess,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';

import { anySuggestion, NEWEST, recipientPickerText } from '@admin/blasts/recipientLabel';
import { RecipientOption } from '@admin/blasts/RecipientOption';
import { type ConsoleDataProvider } from '@admin/dataProvider';

interface TestSendValues {
  recipientId: string | null;
}

// One object for every render: a new one would reset the form and clear the chosen person.
const EMPTY: TestSendValues = { recipientId: null };

/** Sends the blast's message to one recipient now, outside any run; Kakao's refusal shows under the input. */
export function TestSendPanel({ blastId }: { blastId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'blasts', action: 'test_send' });
  if (!canAccess) {
    return null;
  }
  const send = async (values: Partial<TestSendValues>): Promise<Record<string, string> | void> => {
    try {
      await dataProvider.testSendBlast(blastId, values.recipientId ?? '');
      notify('app.blasts.notifications.test_sent', { type: 'success' });
    } catch (error) {
      if (error instanceof HttpError) {
        const body = error.body as { errors?: Record<string, string> } | undefined;
        if (body?.errors) {
          return body.errors;
        }
      }
      const message = error instanceof Error ? error.message : String(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  return (
    <Box
      data-testid="blast-test-send"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, maxWidth: 720 }}
    >
      <Typography variant="subtitle2">{translate('app.blasts.test_send.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.blasts.test_send.intro')}
      </Typography>
      <Form<TestSendValues> record={EMPTY} onSubmit={send} noValidate>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <ReferenceInput source="recipientId" reference="recipients" sort={NEWEST}>
            <AutocompleteInput
              optionText={<RecipientOption />}
              inputText={recipientPickerText}
              matchSuggestion={anySuggestion}
              validate={required()}
              label="app.blasts.test_send.recipient"
              sx={{ minWidth: 320 }}
            />
          </ReferenceInput>
          <SaveButton
            label="app.blasts.actions.test_send"
            icon={<SendIcon />}
            alwaysEnable
            variant="outlined"
            sx={{ mt: 1 }}
          />
        </Box>
      </Form>
    </Box>
  );
}
