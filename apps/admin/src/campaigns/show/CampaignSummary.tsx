import { Box, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import { type ReactNode } from 'react';
import { Labeled, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { ColorSwatch } from '@admin/campaigns/form/ColorInput';
import { ImagePreview } from '@admin/campaigns/ImagePreview';
import { describeRrule } from '@admin/campaigns/recurrence';
import { reminderLabel } from '@admin/campaigns/reminders';
import { type Campaign } from '@admin/campaigns/types';
import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { EnumValueChip } from '@admin/shared/EnumChip';
import { useFormatInZone } from '@admin/time/ZonedDateField';
import { formatDate, formatInstant, localDate } from '@admin/time/zonedTime';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Labeled label={label}>
      <Box component="span">{children ?? '—'}</Box>
    </Labeled>
  );
}

/** When the campaign happens, in its own time zone with the zone named. */
export function useScheduleText(): (campaign: Campaign) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (campaign) => {
    const content = campaign.content;
    if (content.allDay && content.startDate && content.endDate) {
      const start = formatDate(content.startDate, locale);
      const end = formatDate(content.endDate, locale);
      const range = start === end ? start : translate('app.time.range', { start, end });
      return `${range} · ${translate('app.time.all_day')}`;
    }
    if (content.startsAt && content.endsAt) {
      const range = translate('app.time.range', {
        start: formatInstant(content.startsAt, content.timeZone, locale),
        end: formatInstant(content.endsAt, content.timeZone, locale),
      });
      return translate('app.time.in_zone', { time: range, zone: content.timeZone });
    }
    return '—';
  };
}

function StatusCard({ campaign }: { campaign: Campaign }) {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  const { settings } = useCurrentChannel();
  return (
    <Card
      variant="outlined"
      sx={{ minWidth: 280, flex: '0 1 360px' }}
      data-testid="campaign-status"
    >
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.campaign.status.title')}
        </Typography>
        <Stack spacing={1.5}>
          <Item label="resources.campaigns.fields.approvalState">
            <EnumValueChip enumName="approvalState" value={campaign.approvalState} />
          </Item>
          <Item label="resources.campaigns.fields.syncState">
            <EnumValueChip enumName="syncState" value={campaign.syncState} />
          </Item>
          <Item label="resources.campaigns.fields.kakaoState">
            <EnumValueChip enumName="kakaoState" value={campaign.kakaoState} />
          </Item>
          {settings && !settings.approvalRequired ? (
            <Typography variant="caption" color="text.secondary">
              {translate('app.campaign.status.approval_off')}
            </Typography>
          ) : null}
          <Item label="app.campaign.status.current_revision">{campaign.revision}</Item>
          <Item label="app.campaign.status.approved_revision">
            {campaign.approvedRevision ?? '—'}
          </Item>
          <Item label="app.campaign.status.published_revision">
            {campaign.publishedRevision ?? '—'}
          </Item>
          <Item label="app.campaign.status.kakao_event_id">{campaign.kakaoEventId ?? '—'}</Item>
          <Item label="resources.campaigns.fields.publishedAt">
            {campaign.publishedAt ? formatInZone(campaign.publishedAt) : '—'}
          </Item>
          <Item label="app.campaign.status.checked_at">
            {campaign.kakaoCheckedAt ? formatInZone(campaign.kakaoCheckedAt) : '—'}
          </Item>
          {campaign.lastError ? (
            <Item label="app.campaign.status.last_error">
              <Typography variant="body2" color="error" data-testid="campaign-last-error">
                {campaign.lastError.code}: {campaign.lastError.message}
              </Typography>
            </Item>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Everything the campaign says, as Talk Calendar will show it, next to where it stands. */
export function CampaignSummary() {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const scheduleText = useScheduleText();
  if (!campaign) {
    return null;
  }
  const content = campaign.content;
  const startDate = content.allDay
    ? content.startDate
    : content.startsAt && localDate(Date.parse(content.startsAt), content.timeZone);
  const banner = content.banner;
  const button = content.reminderButton;
  return (
    <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Stack spacing={1.5} sx={{ flex: '1 1 420px', minWidth: 0 }}>
        <Item label="resources.campaigns.fields.name">{campaign.name}</Item>
        <Item label="resources.campaigns.fields.content.title">{content.title}</Item>
        {content.description ? (
          <Item label="resources.campaigns.fields.content.description">
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {content.description}
            </Typography>
          </Item>
        ) : null}
        <Item label="resources.campaigns.fields.schedule">
          <span data-testid="campaign-schedule">{scheduleText(campaign)}</span>
        </Item>
        <Item label="resources.campaigns.fields.recurrence">
          <span data-testid="campaign-recurrence">
            {content.rrule
              ? describeRrule(content.rrule, {
                  translate,
                  locale,
                  startDate: startDate || undefined,
                  lunar: content.lunar,
                })
              : translate('app.recurrence.does_not_repeat')}
          </span>
        </Item>
        <Item label="resources.campaigns.fields.target.kind">
          {translate(`app.enums.targetKind.${campaign.target.kind}`)}
        </Item>
        {content.location ? (
          <Item label="resources.campaigns.fields.content.location.name">
            {[content.location.name, content.location.address].filter(Boolean).join(' · ')}
          </Item>
        ) : null}
        {content.reminders?.length ? (
          <Item label="resources.campaigns.fields.content.reminders">
            {content.reminders
              .map((minutes) => reminderLabel(minutes, content.allDay, translate))
              .join(', ')}
          </Item>
        ) : null}
        {content.color ? (
          <Item label="resources.campaigns.fields.content.color">
            <ColorSwatch color={content.color} />
            {translate(`app.enums.color.${content.color}`)}
          </Item>
        ) : null}
        {campaign.tags.length > 0 ? (
          <Item label="resources.campaigns.fields.tags">
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
              {campaign.tags.map((tag) => (
                <Chip key={tag} label={tag} size="small" />
              ))}
            </Stack>
          </Item>
        ) : null}
        {banner ? (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <ImagePreview
              url={banner.pcImageUrl}
              background={banner.bgColor}
              label="app.campaign.banner.pc"
            />
            <ImagePreview
              url={banner.mobileImageUrl}
              background={banner.bgColor}
              label="app.campaign.banner.mobile"
              width={200}
            />
          </Box>
        ) : null}
        {banner?.webUrl || banner?.mobileWebUrl ? (
          <Item label="resources.campaigns.fields.content.banner.webUrl">
            <Link href={banner.webUrl ?? banner.mobileWebUrl} target="_blank" rel="noreferrer">
              {banner.webUrl ?? banner.mobileWebUrl}
            </Link>
          </Item>
        ) : null}
        {button ? (
          <Item label="resources.campaigns.fields.content.reminderButton.title">
            {button.title} · {button.webUrl ?? button.mobileWebUrl}
          </Item>
        ) : null}
        {campaign.notes ? (
          <Item label="resources.campaigns.fields.notes">
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {campaign.notes}
            </Typography>
          </Item>
        ) : null}
      </Stack>
      <StatusCard campaign={campaign} />
    </Box>
  );
}
