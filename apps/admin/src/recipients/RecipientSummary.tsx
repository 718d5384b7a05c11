import {
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { type ReactNode } from 'react';
import { BooleanField, Labeled, TextField, useRecordContext, useTranslate } from 'react-admin';

import { FormSection } from '@admin/campaigns/form/FormSection';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { consentReasonText } from '@admin/recipients/consentReason';
import { TagChips } from '@admin/recipients/TagChips';
import { type RecipientDetail } from '@admin/recipients/types';
import { EnumChipField } from '@admin/shared/EnumChip';
import { ZonedDateField } from '@admin/time/ZonedDateField';

function Row({ children }: { children: ReactNode }) {
  return <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 1 }}>{children}</Box>;
}

function None() {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" color="text.secondary">
      {translate('app.common.none')}
    </Typography>
  );
}

function TimeZoneValue() {
  const recipient = useRecordContext<RecipientDetail>();
  const { timeZone } = useCurrentChannel();
  const translate = useTranslate();
  if (!recipient) {
    return null;
  }
  return (
    <Typography component="span" variant="body2">
      {recipient.timeZone ?? translate('app.recipient.channel_zone', { zone: timeZone })}
    </Typography>
  );
}

function SourceValue() {
  const recipient = useRecordContext<RecipientDetail>();
  const translate = useTranslate();
  return recipient ? (
    <Typography component="span" variant="body2">
      {translate(`app.enums.recipientSource.${recipient.source}`)}
    </Typography>
  ) : null;
}

function ConsentReasonValue() {
  const recipient = useRecordContext<RecipientDetail>();
  const translate = useTranslate();
  const text = recipient ? consentReasonText(recipient.consentReason, translate) : null;
  return text === null ? (
    <None />
  ) : (
    <Typography component="span" variant="body2" title={recipient?.consentReason ?? undefined}>
      {text}
    </Typography>
  );
}

function ScopesValue() {
  const recipient = useRecordContext<RecipientDetail>();
  if (!recipient?.scopes?.length) {
    return <None />;
  }
  return (
    <Stack direction="row" spacing={0.5}>
      {recipient.scopes.map((scope) => (
        <Chip key={scope} label={scope} size="small" sx={{ fontFamily: 'monospace' }} />
      ))}
    </Stack>
  );
}

function TagsValue() {
  const recipient = useRecordContext<RecipientDetail>();
  return recipient?.tags.length ? <TagChips tags={recipient.tags} /> : <None />;
}

function AttributesTable() {
  const recipient = useRecordContext<RecipientDetail>();
  const translate = useTranslate();
  const entries = Object.entries(recipient?.attributes ?? {});
  if (entries.length === 0) {
    return <None />;
  }
  return (
    <Table size="small" sx={{ maxWidth: 640 }} data-testid="recipient-attributes">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.recipient.attribute.name')}</TableCell>
          <TableCell>{translate('app.recipient.attribute.value')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell sx={{ fontFamily: 'monospace' }}>{name}</TableCell>
            <TableCell>
              {typeof value === 'boolean'
                ? translate(value ? 'app.common.yes' : 'app.common.no')
                : String(value)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Who the recipient is, whether they may be messaged and why, their relation, tags and attributes. */
export function RecipientSummary() {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column' }}>
      <FormSection title="app.recipient.sections.profile" />
      <Row>
        <Labeled source="nickname">
          <TextField source="nickname" emptyText="—" />
        </Labeled>
        <Labeled source="kakaoUserId">
          <TextField source="kakaoUserId" />
        </Labeled>
        <Labeled source="kakaoUuid">
          <TextField source="kakaoUuid" emptyText="—" />
        </Labeled>
        <Labeled source="source">
          <SourceValue />
        </Labeled>
      </Row>
      <Row>
        <Labeled source="optedInAt">
          <ZonedDateField source="optedInAt" />
        </Labeled>
        <Labeled source="lastDeliveredAt">
          <ZonedDateField source="lastDeliveredAt" />
        </Labeled>
        <Labeled source="timeZone">
          <TimeZoneValue />
        </Labeled>
      </Row>

      <FormSection title="app.recipient.sections.consent" />
      <Row>
        <Labeled source="consentState">
          <EnumChipField source="consentState" enumName="consentState" />
        </Labeled>
        <Labeled source="consentReason">
          <ConsentReasonValue />
        </Labeled>
        <Labeled source="consentChangedAt">
          <ZonedDateField source="consentChangedAt" />
        </Labeled>
        <Labeled source="scopes">
          <ScopesValue />
        </Labeled>
      </Row>
      <Row>
        <Labeled source="hasAccessToken">
          <BooleanField source="hasAccessToken" />
        </Labeled>
        <Labeled source="accessTokenExpiresAt">
          <ZonedDateField source="accessTokenExpiresAt" />
        </Labeled>
        <Labeled source="hasRefreshToken">
          <BooleanField source="hasRefreshToken" />
        </Labeled>
      </Row>

      <FormSection title="app.recipient.sections.relation" />
      <Row>
        <Labeled source="channelRelation">
          <EnumChipField source="channelRelation" enumName="channelRelation" />
        </Labeled>
        <Labeled source="channelRelationCheckedAt">
          <ZonedDateField source="channelRelationCheckedAt" />
        </Labeled>
      </Row>

      <FormSection title="app.recipient.sections.tags_attributes" />
      <Row>
        <Labeled source="tags">
          <TagsValue />
        </Labeled>
      </Row>
      <Labeled source="attributes">
        <AttributesTable />
      </Labeled>
    </Box>
  );
}
