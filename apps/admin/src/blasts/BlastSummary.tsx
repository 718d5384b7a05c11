import { Box, Typography } from '@mui/material';
import { type ReactNode } from 'react';
import {
  FunctionField,
  ReferenceField,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { CalendarMessagePreview } from '@admin/blasts/CalendarMessagePreview';
import { recipientLabel } from '@admin/blasts/recipientLabel';
import { type Blast } from '@admin/blasts/types';
import { useDescribeSchedule } from '@admin/blasts/useBlastText';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { EnumChipField } from '@admin/shared/EnumChip';

function Row({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 2, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Box sx={{ typography: 'body2' }}>{children}</Box>
    </Box>
  );
}

/** What the blast sends, to whom, when and how, beside its message as KakaoTalk shows it. */
export function BlastSummary() {
  const blast = useRecordContext<Blast>();
  const translate = useTranslate();
  const describeSchedule = useDescribeSchedule();
  const { membership } = useCurrentChannel();
  if (!blast) {
    return null;
  }
  const { message } = blast;
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ flex: '1 1 460px' }} data-testid="blast-summary">
        <Row label="resources.blasts.fields.state">
          <EnumChipField source="state" enumName="blastState" />
        </Row>
        <Row label="resources.blasts.fields.message.idType">
          {translate(`app.enums.idType.${message.idType}`)}
          {' · '}
          {message.idType === 'event' ? (
            <ReferenceField source="message.campaignId" reference="campaigns" link="show">
              <TextField source="name" />
            </ReferenceField>
          ) : (
            <ReferenceField
              source="message.subscribeCalendarId"
              reference="subscribe-calendars"
              link="show"
            >
              <TextField source="name" />
            </ReferenceField>
          )}
        </Row>
        <Row label="resources.blasts.fields.audienceId">
          <ReferenceField source="audienceId" reference="audiences" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </Row>
        <Row label="resources.blasts.fields.schedule.kind">
          {describeSchedule(blast.schedule)}
          {blast.schedule.kind === 'recurring' && blast.schedule.onlyNotReached
            ? ` · ${translate('resources.blasts.fields.schedule.onlyNotReached')}`
            : ''}
        </Row>
        <Row label="resources.blasts.fields.ratePerSecond">
          {translate('app.blasts.per_second', { rate: blast.ratePerSecond })}
        </Row>
        <Row label="resources.blasts.fields.quietHours">
          {translate(blast.quietHours ? 'app.common.yes' : 'app.common.no')}
        </Row>
        <Row label="resources.blasts.fields.frequencyCap">
          {blast.frequencyCap
            ? translate('app.blasts.frequency_cap', { smart_count: blast.frequencyCap })
            : '—'}
        </Row>
        <Row label="resources.blasts.fields.deliveryMode">
          {translate(`app.enums.deliveryMode.${blast.deliveryMode}`)}
          {blast.deliveryMode === 'friends' && blast.senderRecipientId ? (
            <>
              {' · '}
              <ReferenceField source="senderRecipientId" reference="recipients" link={false}>
                <FunctionField render={recipientLabel} />
              </ReferenceField>
            </>
          ) : null}
        </Row>
        <Row label="resources.blasts.fields.message.tracking">
          {translate(message.tracking ? 'app.common.yes' : 'app.common.no')}
        </Row>
      </Box>
      <CalendarMessagePreview
        idType={message.idType}
        title={message.title}
        description={message.description}
        imageUrl={message.imageUrl}
        imageWidth={message.imageWidth}
        imageHeight={message.imageHeight}
        button={message.button}
        senderName={membership?.name}
      />
    </Box>
  );
}
