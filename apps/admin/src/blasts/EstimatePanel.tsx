import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';

import { MAX_RATE_PER_SECOND } from '@admin/blasts/blastForm';
import { type BlastEstimate } from '@admin/blasts/types';
import { useFormatDuration } from '@admin/blasts/useBlastText';
import { type ConsoleDataProvider } from '@admin/dataProvider';

/** `POST /api/blasts/estimate` for an audience and a pace, once both are valid. */
export function useBlastEstimate(
  audienceId: string | null | undefined,
  ratePerSecond: number | string | null | undefined,
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
    queryKey: ['blasts', 'estimate', audienceId, rate],
    queryFn: async () => (await dataProvider.blastEstimate(audienceId ?? '', rate)).data,
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

export interface EstimatePanelProps {
  audienceId: string | null | undefined;
  ratePerSecond: number | string | null | undefined;
}

/** How many recipients the blast reaches, how long it takes at its pace, and Kakao's quota days. */
export function EstimatePanel({ audienceId, ratePerSecond }: EstimatePanelProps) {
  const translate = useTranslate();
  const formatDuration = useFormatDuration();
  const { data, error, isFetching } = useBlastEstimate(audienceId, ratePerSecond);
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
          value={formatDuration(data.durationSeconds)}
          testId="estimate-duration"
        />
        <Figure
          label="app.blasts.estimate.quota_days"
          value={translate('app.blasts.estimate.days', { smart_count: data.quotaDays })}
          testId="estimate-quota-days"
        />
      </Box>
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
