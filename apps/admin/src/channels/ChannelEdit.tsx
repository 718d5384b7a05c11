import { Box, Typography } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  Edit,
  Labeled,
  PasswordInput,
  required,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';

import { KeyTestPanel } from '@admin/channels/KeyTestPanel';
import { type ChannelSettings } from '@admin/channels/types';
import { TimeZoneInput } from '@admin/shared/TimeZoneInput';

type ChannelEditValues = ChannelSettings & {
  restApiKey?: string | null;
  adminKey?: string | null;
  clientSecret?: string | null;
};

/** `PUT /api/channels/:id`: settings plus `version`; Kakao keys only when typed (write-only). */
export function toUpdateChannel(values: ChannelEditValues) {
  const keys = (['restApiKey', 'adminKey', 'clientSecret'] as const).flatMap((key) => {
    const value = values[key]?.trim();
    return value ? [[key, value] as const] : [];
  });
  return {
    version: values.version,
    name: values.name.trim(),
    timeZone: values.timeZone,
    quietHoursStart: values.quietHoursStart,
    quietHoursEnd: values.quietHoursEnd,
    approvalRequired: values.approvalRequired,
    ...Object.fromEntries(keys),
  };
}

const LABEL_SHRINK = { inputLabel: { shrink: true } } as const;

function KeysSection() {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('app.campaign.helper.keys_write_only')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 3, my: 1 }}>
        <Labeled source="hasRestApiKey">
          <BooleanField source="hasRestApiKey" />
        </Labeled>
        <Labeled source="hasAdminKey">
          <BooleanField source="hasAdminKey" />
        </Labeled>
        <Labeled source="hasClientSecret">
          <BooleanField source="hasClientSecret" />
        </Labeled>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <PasswordInput source="restApiKey" autoComplete="off" />
        <PasswordInput source="adminKey" autoComplete="off" />
        <PasswordInput source="clientSecret" autoComplete="off" />
      </Box>
      <KeyTestPanel />
    </Box>
  );
}

/** Channel settings for admins: name, time zone, quiet hours, approval, Kakao keys. */
export function ChannelEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toUpdateChannel} redirect={false}>
      <SimpleForm noValidate>
        <TextInput source="name" validate={required()} />
        <TextInput source="channelPublicId" readOnly />
        <TimeZoneInput source="timeZone" />
        <Box sx={{ display: 'flex', gap: 2 }}>
          <TextInput
            source="quietHoursStart"
            type="time"
            slotProps={LABEL_SHRINK}
            validate={required()}
          />
          <TextInput
            source="quietHoursEnd"
            type="time"
            slotProps={LABEL_SHRINK}
            validate={required()}
          />
        </Box>
        <BooleanInput source="approvalRequired" />
        <KeysSection />
      </SimpleForm>
    </Edit>
  );
}
