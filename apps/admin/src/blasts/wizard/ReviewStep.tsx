import { Box, Typography } from '@mui/material';
import { type ReactNode } from 'react';
import { useGetOne, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { type BlastFormValues, scheduleOf } from '@admin/blasts/blastForm';
import { EstimatePanel } from '@admin/blasts/EstimatePanel';
import { useDescribeSchedule } from '@admin/blasts/useBlastText';
import { LivePreview } from '@admin/blasts/wizard/MessageStep';

function Row({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', gap: 2, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Box>
  );
}

function NameOf({ resource, id }: { resource: string; id: string | null }) {
  const { data } = useGetOne<{ id: string; name: string }>(
    resource,
    { id: id ?? '' },
    { enabled: !!id },
  );
  return <>{data?.name ?? '—'}</>;
}

/** Step 5: everything chosen, the estimate, and the message once more before saving. */
export function ReviewStep() {
  const translate = useTranslate();
  const describeSchedule = useDescribeSchedule();
  const values = useWatch<BlastFormValues>() as BlastFormValues;
  const yesNo = (value: boolean): string => translate(value ? 'app.common.yes' : 'app.common.no');
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ flex: '1 1 460px', display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box data-testid="blast-review">
          <Row label="resources.blasts.fields.name">{values.name || '—'}</Row>
          <Row label="resources.blasts.fields.message.idType">
            {translate(`app.enums.idType.${values.message.idType}`)}
            {' · '}
            {values.message.idType === 'event' ? (
              <NameOf resource="campaigns" id={values.message.campaignId} />
            ) : (
              <NameOf resource="subscribe-calendars" id={values.message.subscribeCalendarId} />
            )}
          </Row>
          <Row label="resources.blasts.fields.audienceId">
            <NameOf resource="audiences" id={values.audienceId} />
          </Row>
          <Row label="resources.blasts.fields.schedule.kind">
            {describeSchedule(scheduleOf(values.schedule))}
          </Row>
          <Row label="resources.blasts.fields.ratePerSecond">
            {translate('app.blasts.per_second', { rate: Number(values.ratePerSecond) })}
          </Row>
          <Row label="resources.blasts.fields.quietHours">{yesNo(values.quietHours)}</Row>
          <Row label="resources.blasts.fields.frequencyCap">
            {values.frequencyCap
              ? translate('app.blasts.frequency_cap', { smart_count: values.frequencyCap })
              : '—'}
          </Row>
          <Row label="resources.blasts.fields.deliveryMode">
            {translate(`app.enums.deliveryMode.${values.deliveryMode}`)}
          </Row>
          <Row label="resources.blasts.fields.message.tracking">
            {yesNo(values.deliveryMode === 'send_to_me' && values.message.tracking)}
          </Row>
        </Box>
        <EstimatePanel
          audienceId={values.audienceId}
          ratePerSecond={values.ratePerSecond}
          quietHours={Boolean(values.quietHours) && values.schedule.kind === 'now'}
        />
      </Box>
      <Box>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {translate('app.blasts.preview.title')}
        </Typography>
        <LivePreview />
      </Box>
    </Box>
  );
}
