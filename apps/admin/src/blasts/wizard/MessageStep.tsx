import { Box, Typography } from '@mui/material';
import { useEffect } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  TextInput,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

import {
  type BlastFormValues,
  BUTTON_TITLE_MAX,
  calendarContent,
  campaignContent,
  DESCRIPTION_MAX,
  type TargetContent,
  TITLE_MAX,
} from '@admin/blasts/blastForm';
import { CalendarMessagePreview } from '@admin/blasts/CalendarMessagePreview';
import { ID_TYPES } from '@admin/blasts/types';
import { type Campaign } from '@admin/campaigns/types';
import { maxChars } from '@admin/campaigns/validators';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { enumChoices } from '@admin/shared/enumChoices';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';

/** Campaigns with a live public event on Kakao (the message points at it). */
const PUBLISHED = { syncState: ['published', 'changed_since_publish'] };

const validateName = [required(), maxChars(100)];
const validateTitle = maxChars(TITLE_MAX);
const validateDescription = maxChars(DESCRIPTION_MAX);
const validateButtonTitle = [required(), maxChars(BUTTON_TITLE_MAX)];
const BY_NAME = { field: 'name', order: 'ASC' } as const;

/** Picking the event or calendar fills the message's empty fields from it (never overwrites). */
function FillFromTarget() {
  const { getValues, setValue } = useFormContext<BlastFormValues>();
  const [idType, campaignId, calendarId] = useWatch<
    BlastFormValues,
    ['message.idType', 'message.campaignId', 'message.subscribeCalendarId']
  >({ name: ['message.idType', 'message.campaignId', 'message.subscribeCalendarId'] });
  const { data: campaign } = useGetOne<Campaign>(
    'campaigns',
    { id: campaignId ?? '' },
    { enabled: idType === 'event' && !!campaignId },
  );
  const { data: calendar } = useGetOne<SubscribeCalendar>(
    'subscribe-calendars',
    { id: calendarId ?? '' },
    { enabled: idType === 'calendar' && !!calendarId },
  );
  useEffect(() => {
    const source =
      idType === 'event'
        ? campaign && campaign.id === campaignId && campaignContent(campaign)
        : calendar && calendar.id === calendarId && calendarContent(calendar);
    if (!source) {
      return;
    }
    for (const [field, value] of Object.entries(source) as [keyof TargetContent, string][]) {
      if (value && !getValues(`message.${field}`)) {
        setValue(`message.${field}`, value, { shouldDirty: true });
      }
    }
  }, [idType, campaign, campaignId, calendar, calendarId, getValues, setValue]);
  return null;
}

/** The message as KakaoTalk will show it, following every keystroke. */
export function LivePreview() {
  const { membership } = useCurrentChannel();
  const [message, customButton] = useWatch<BlastFormValues, ['message', 'customButton']>({
    name: ['message', 'customButton'],
  });
  return (
    <CalendarMessagePreview
      idType={message.idType}
      title={message.title}
      description={message.description}
      imageUrl={message.imageUrl}
      imageWidth={message.imageWidth}
      imageHeight={message.imageHeight}
      button={customButton ? message.button : null}
      senderName={membership?.name}
    />
  );
}

/** Step 1: what the message says and which event or calendar its fixed button adds. */
export function MessageStep() {
  const translate = useTranslate();
  const idType = useWatch<BlastFormValues, 'message.idType'>({ name: 'message.idType' });
  const customButton = useWatch<BlastFormValues, 'customButton'>({ name: 'customButton' });
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ flex: '1 1 460px', minWidth: 0 }}>
        <TextInput
          source="name"
          validate={validateName}
          helperText="app.blasts.helper.name"
          fullWidth
        />
        <RadioButtonGroupInput
          source="message.idType"
          choices={enumChoices('idType', ID_TYPES)}
          helperText="app.blasts.helper.id_type"
        />
        <FillFromTarget />
        {idType === 'calendar' ? (
          <ReferenceInput
            source="message.subscribeCalendarId"
            reference="subscribe-calendars"
            sort={BY_NAME}
          >
            <AutocompleteInput optionText="name" validate={required()} fullWidth />
          </ReferenceInput>
        ) : (
          <ReferenceInput
            source="message.campaignId"
            reference="campaigns"
            filter={PUBLISHED}
            sort={BY_NAME}
          >
            <AutocompleteInput
              optionText="name"
              validate={required()}
              helperText="app.blasts.helper.campaign"
              fullWidth
            />
          </ReferenceInput>
        )}
        <TextInput
          source="message.title"
          validate={validateTitle}
          helperText="app.blasts.helper.content"
          fullWidth
        />
        <TextInput
          source="message.description"
          validate={validateDescription}
          multiline
          minRows={3}
          fullWidth
        />
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextInput source="message.imageUrl" type="url" sx={{ flex: '1 1 280px' }} />
          <NumberInput source="message.imageWidth" min={200} step={1} sx={{ width: 140 }} />
          <NumberInput source="message.imageHeight" min={200} step={1} sx={{ width: 140 }} />
        </Box>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextInput
            source="message.webUrl"
            type="url"
            helperText="app.blasts.helper.link"
            sx={{ flex: '1 1 280px' }}
          />
          <TextInput source="message.mobileWebUrl" type="url" sx={{ flex: '1 1 280px' }} />
        </Box>
        <BooleanInput source="customButton" helperText="app.blasts.helper.custom_button" />
        {customButton ? (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextInput
              source="message.button.title"
              validate={validateButtonTitle}
              sx={{ width: 200 }}
            />
            <TextInput source="message.button.webUrl" type="url" sx={{ flex: '1 1 240px' }} />
            <TextInput source="message.button.mobileWebUrl" type="url" sx={{ flex: '1 1 240px' }} />
          </Box>
        ) : null}
      </Box>
      <Box sx={{ position: 'sticky', top: 72 }}>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {translate('app.blasts.preview.title')}
        </Typography>
        <LivePreview />
      </Box>
    </Box>
  );
}
