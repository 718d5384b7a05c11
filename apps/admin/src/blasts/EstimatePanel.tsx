import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';

import { MAX_RATE_PER_SECOND } from '@admin/blasts/blastForm';
import { type BlastEstimate } from '@admin/blasts/types';
import { useFormatDuration } from '@admin/blasts/useBlastText';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { useFormatInZone } from '@admin/time/ZonedDateField';

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * `POST /api/blasts/estimate` for an audience and a pace, once both are valid; with `quietHours`
 * the answer says whether sending right now would wait for the channel's quiet hours to end.
 */
export function useBlastEstimate(
  audienceId: string | null | undefined,
  ratePerSecond: number | string | null | undefined,
  quietHours = false,
) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const rate = Number(ratePerSecond);
  const valid =
    typeof audienceId === 'string' &&
    audienceId !== '' &&
    Number.isInteger(rate) &&
    rate >= 1 &&
    rate <= MAX_RATE_PER_SECOND;
  return useQuery<BlastEstimate, Error>({
    queryKey: ['blasts', 'estimate', audienceId, rate, quietHours],
    queryFn: async () =>
      (await dataProvider.blastEstimate(audienceId ?? '', rate, quietHours)).data,
    enabled: valid,
    staleTime: 10_000,
    retry: false,
  });
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6" data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

/**
 * "It is quiet hours now — sending begins at 08:00" when the estimate's first sends wait;
 * `scheduled` words it for a start at a chosen time rather than now.
 */
export function QuietHoursNotice({
  estimate,
  scheduled = false,
}: {
  estimate: BlastEstimate | undefined;
  scheduled?: boolean;
}) {
  const translate = useTranslate();
  const formatInZone = useFormatInZone();
  if (!estimate?.quietUntil) {
    return null;
  }
  const time = scheduled
    ? formatInZone(estimate.quietUntil)
    : formatInZone(estimate.quietUntil, CLOCK, false);
  return (
    <Alert severity="warning" sx={{ mt: 1 }} data-testid="blast-quiet-notice">
      {translate(
        scheduled ? 'app.blasts.estimate.quiet_scheduled' : 'app.blasts.estimate.quiet_now',
        { time },
      )}
    </Alert>
  );
}

/** Sending time, plus the quiet-hours wait before it when there is one. */
export function useFormatEstimateDuration(): (estimate: BlastEstimate) => string {
  const translate = useTranslate();
  const formatDuration = useFormatDuration();
  return (estimate) =>
    estimate.waitSeconds > 0
      ? translate('app.blasts.estimate.duration_with_wait', {
          total: formatDuration(estimate.waitSeconds + estimate.durationSeconds),
          wait: formatDuration(estimate.waitSeconds),
        })
      : formatDuration(estimate.durationSeconds);
}

export interface EstimatePanelProps {
  audienceId: string | null | undefined;
  ratePerSecond: number | string | null | undefined;
  /** The blast starts now and keeps quiet hours: the estimate includes waiting for them. */
  quietHours?: boolean;
}

/** How many recipients the blast reaches, how long it takes at its pace, and Kakao's quota days. */
export function EstimatePanel({
  audienceId,
  ratePerSecond,
  quietHours = false,
}: EstimatePanelProps) {
  const translate = useTranslate();
  const formatEstimateDuration = useFormatEstimateDuration();
  const { data, error, isFetching } = useBlastEstimate(audienceId, ratePerSecond, quietHours);
  if (!audienceId) {
    return <Alert severity="info">{translate('app.blasts.estimate.needs_audience')}</Alert>;
  }
  if (error) {
    return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  }
  if (!data) {
    return isFetching ? <CircularProgress size={24} /> : null;
  }
  return (
    <Box
      data-testid="blast-estimate"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, maxWidth: 720 }}
    >
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('app.blasts.estimate.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
        <Figure
          label="app.blasts.estimate.recipients"
          value={data.recipients.toLocaleString()}
          testId="estimate-recipients"
        />
        <Figure
          label="app.blasts.estimate.duration"
          value={formatEstimateDuration(data)}
          testId="estimate-duration"
        />
        <Figure
          label="app.blasts.estimate.quota_days"
          value={translate('app.blasts.estimate.days', { smart_count: data.quotaDays })}
          testId="estimate-quota-days"
        />
      </Box>
      <QuietHoursNotice estimate={data} />
      {data.recipients === 0 ? (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.blasts.estimate.nobody')}
        </Alert>
      ) : null}
      {data.quotaDays > 1 ? (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.blasts.estimate.quota_warning', { smart_count: data.quotaDays })}
        </Alert>
      ) : null}
    </Box>
  );
}
