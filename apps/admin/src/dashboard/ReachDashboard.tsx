import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Form,
  Link,
  ReferenceInput,
  SelectInput,
  TextInput,
  Title,
  useDataProvider,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';

import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { type ConsoleDataProvider } from '@admin/dataProvider';
import { downloadBlob } from '@admin/shared/downloadBlob';
import { formatInstant } from '@admin/time/zonedTime';

import {
  CARD_METRICS,
  CHART_METRICS,
  csvFileName,
  defaultGranularity,
  estimateText,
  formatCount,
  formatRate,
  funnelRows,
  hasAnyFigure,
  hourlyAllowed,
  type Period,
  periodRange,
  PERIODS,
  reachQuery,
  seriesPoints,
  sourceOf,
} from './reachLogic';
import {
  type FigureSource,
  type Granularity,
  type RankedScope,
  type ReachEstimate,
  type ReachMetric,
  type ReachSummary,
} from './types';

const SeriesChart = lazy(async () => ({ default: (await import('./ReachCharts')).SeriesChart }));
const FunnelChart = lazy(async () => ({ default: (await import('./ReachCharts')).FunnelChart }));

interface FilterValues {
  period: Period;
  from: string;
  to: string;
  campaignId: string | null;
  audienceId: string | null;
}

const DEFAULT_FILTERS: FilterValues = {
  period: '30d',
  from: '',
  to: '',
  campaignId: null,
  audienceId: null,
};

const BY_NAME = { field: 'name', order: 'ASC' } as const;

/** The period, campaign and audience pickers; reports every change. */
function DashboardFilters({ onChange }: { onChange: (values: FilterValues) => void }) {
  const values = useWatch<FilterValues>();
  const merged: FilterValues = { ...DEFAULT_FILTERS, ...values };
  const json = JSON.stringify(merged);
  useEffect(() => {
    onChange(JSON.parse(json) as FilterValues);
  }, [json, onChange]);
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <SelectInput
        source="period"
        label="app.reach.filters.period"
        choices={PERIODS.map((period) => ({ id: period, name: `app.reach.periods.${period}` }))}
        helperText={false}
        sx={{ minWidth: 180 }}
      />
      {merged.period === 'custom' ? (
        <>
          <TextInput
            source="from"
            type="date"
            label="app.reach.filters.from"
            helperText={false}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextInput
            source="to"
            type="date"
            label="app.reach.filters.to"
            helperText={false}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      ) : null}
      <ReferenceInput source="campaignId" reference="campaigns" sort={BY_NAME}>
        <AutocompleteInput
          optionText="name"
          label="app.reach.filters.campaign"
          disabled={Boolean(merged.audienceId)}
          helperText={merged.audienceId ? 'app.reach.filters.one_scope' : false}
          sx={{ minWidth: 260 }}
        />
      </ReferenceInput>
      <ReferenceInput source="audienceId" reference="audiences" sort={BY_NAME}>
        <AutocompleteInput
          optionText="name"
          label="app.reach.filters.audience"
          disabled={Boolean(merged.campaignId)}
          helperText={merged.campaignId ? 'app.reach.filters.one_scope' : false}
          sx={{ minWidth: 260 }}
        />
      </ReferenceInput>
    </Box>
  );
}

function SourceBadge({ source, tooltip }: { source: FigureSource; tooltip: string }) {
  const translate = useTranslate();
  return (
    <Tooltip title={tooltip}>
      <Chip
        size="small"
        variant={source === 'estimated' ? 'outlined' : 'filled'}
        color={source === 'estimated' ? 'warning' : 'default'}
        label={translate(`app.reach.source.${source}`)}
        data-testid="reach-source"
        data-source={source}
      />
    </Tooltip>
  );
}

function FigureCard(props: {
  testId: string;
  label: string;
  value: string;
  source: FigureSource;
  tooltip: string;
  detail?: ReactNode;
}) {
  return (
    <Card variant="outlined" data-testid={props.testId} sx={{ flex: '1 1 180px', minWidth: 160 }}>
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {props.label}
          </Typography>
          <SourceBadge source={props.source} tooltip={props.tooltip} />
        </Box>
        <Typography variant="h5" data-testid="reach-card-value">
          {props.value}
        </Typography>
        {props.detail ? (
          <Typography variant="caption" color="text.secondary">
            {props.detail}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card sx={{ mt: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function useEstimateLine(): (estimate: ReachEstimate) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (estimate) => translate('app.reach.estimate.interval', estimateText(estimate, locale));
}

function RankedTable(props: {
  rows: RankedScope[];
  resource: 'campaigns' | 'audiences';
  testId: string;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const columns: ReachMetric[] = ['delivered', 'uniqueClicks', 'follows', 'friendsAdded'];
  if (props.rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.reach.no_rows')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid={props.testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.reach.columns.name')}</TableCell>
          {columns.map((metric) => (
            <TableCell key={metric} align="right">
              {translate(`app.reach.metrics.${metric}`)}
            </TableCell>
          ))}
          <TableCell align="right">{translate('app.reach.metrics.clickRate')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell>
              <Link to={`/${props.resource}/${row.id}/show`}>
                {row.name ?? translate('app.reach.unnamed')}
              </Link>
            </TableCell>
            {columns.map((metric) => (
              <TableCell key={metric} align="right">
                {formatCount(row[metric], locale)}
              </TableCell>
            ))}
            <TableCell align="right">
              {formatRate(row.delivered > 0 ? row.uniqueClicks / row.delivered : null, locale)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FunnelSection({ summary }: { summary: ReachSummary }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const estimateLine = useEstimateLine();
  const rows = funnelRows(summary);
  const labels = Object.fromEntries(
    rows.map((row) => [row.step, translate(`app.reach.funnel.${row.step}`)]),
  );
  return (
    <Section title={translate('app.reach.funnel.title')} testId="reach-funnel">
      <Suspense fallback={<CircularProgress size={24} />}>
        <FunnelChart rows={rows} labels={labels} />
      </Suspense>
      <Table size="small">
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.step} data-testid={`reach-funnel-${row.step}`}>
              <TableCell>{labels[row.step]}</TableCell>
              <TableCell align="right">{formatCount(row.value, locale)}</TableCell>
              <TableCell align="right">{formatRate(row.share, locale)}</TableCell>
              <TableCell>
                <SourceBadge
                  source={row.source}
                  tooltip={
                    row.step === 'estimatedFollows'
                      ? translate('app.reach.estimate.source')
                      : translate(`app.reach.source_text.${row.step}`, {
                          _: summary.sources[row.step] ?? '',
                        })
                  }
                />
              </TableCell>
              <TableCell>
                {row.estimate && row.low !== undefined && row.high !== undefined
                  ? `${formatCount(row.low, locale)}–${formatCount(row.high, locale)} · ${estimateLine(row.estimate)}`
                  : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/**
 * The channel's follower reach: totals (each saying whether it is observed or estimated), the
 * series, the funnel, top campaigns and audiences, and the series as CSV. Dates are in the
 * channel's zone, named.
 */
export function ReachDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { timeZone } = useCurrentChannel();
  const estimateLine = useEstimateLine();
  const [filters, setFilters] = useState<FilterValues>(DEFAULT_FILTERS);
  const [chosenGranularity, setGranularity] = useState<Granularity | null>(null);
  const [now] = useState(() => Date.now());

  const range = useMemo(
    () => periodRange(filters.period, now, timeZone, { from: filters.from, to: filters.to }),
    [filters.period, filters.from, filters.to, now, timeZone],
  );
  const granularity = range ? (chosenGranularity ?? defaultGranularity(range)) : 'day';
  const query = range ? reachQuery(range, granularity, filters) : null;

  const summary = useQuery({
    queryKey: ['reach', 'summary', query],
    queryFn: async () => (await dataProvider.reachSummary(query ?? { from: '', to: '' })).data,
    enabled: query !== null,
    placeholderData: keepPreviousData,
    // Figures not folded yet arrive within seconds.
    refetchInterval: (current) => ((current.state.data?.pendingChanges ?? 0) > 0 ? 5000 : false),
  });
  const series = useQuery({
    queryKey: ['reach', 'series', query],
    queryFn: async () => (await dataProvider.reachTimeseries(query ?? { from: '', to: '' })).data,
    enabled: query !== null,
    placeholderData: keepPreviousData,
    refetchInterval: () => ((summary.data?.pendingChanges ?? 0) > 0 ? 5000 : false),
  });
  const csv = useMutation({
    mutationFn: async () => {
      if (!query || !range) {
        throw new Error('app.reach.invalid_period');
      }
      // Column names follow the screen's language.
      return {
        data: (await dataProvider.reachCsv({ ...query, lang: locale })).data,
        name: csvFileName(range),
      };
    },
    onSuccess: ({ data, name }) => downloadBlob(data, name),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  const metricLabels = Object.fromEntries(
    CHART_METRICS.map((metric) => [metric, translate(`app.reach.metrics.${metric}`)]),
  );
  const data = summary.data;
  const followEstimate = data?.estimates.find((estimate) => estimate.kind === 'follow');
  const error = summary.error ?? series.error;

  return (
    <Box sx={{ mt: 2 }} data-testid="reach-dashboard">
      <Title title="app.reach.title" />
      <Card>
        <CardContent>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Form defaultValues={DEFAULT_FILTERS}>
                <DashboardFilters onChange={setFilters} />
              </Form>
            </Box>
            <Button
              startIcon={<DownloadIcon />}
              onClick={() => csv.mutate()}
              disabled={!query || csv.isPending}
              data-testid="reach-csv"
            >
              {translate('app.reach.export_csv')}
            </Button>
          </Box>
          {data ? (
            <Typography variant="body2" color="text.secondary" data-testid="reach-period">
              {translate('app.time.in_zone', {
                time: `${formatInstant(data.from, timeZone, locale)} – ${formatInstant(data.to, timeZone, locale)}`,
                zone: timeZone,
              })}
            </Typography>
          ) : null}
          {!range ? (
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate('app.reach.invalid_period')}
            </Alert>
          ) : null}
          {data && data.pendingChanges > 0 ? (
            <Typography variant="caption" color="text.secondary" data-testid="reach-pending">
              {translate('app.reach.pending', { smart_count: data.pendingChanges })}
            </Typography>
          ) : null}
        </CardContent>
      </Card>

      {error ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {translate(error.message, { _: error.message })}
        </Alert>
      ) : null}
      {summary.isPending && query ? <CircularProgress size={24} sx={{ mt: 2 }} /> : null}

      {data && !hasAnyFigure(data.totals) ? (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="reach-empty">
          <Typography variant="subtitle1">{translate('app.reach.empty.title')}</Typography>
          {translate('app.reach.empty.body')}
        </Alert>
      ) : null}

      {data && hasAnyFigure(data.totals) ? (
        <>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 2 }} data-testid="reach-cards">
            {CARD_METRICS.map((metric) => (
              <FigureCard
                key={metric}
                testId={`reach-card-${metric}`}
                label={translate(`app.reach.metrics.${metric}`)}
                value={formatCount(data.totals[metric], locale)}
                source={sourceOf(data.sources[metric])}
                tooltip={translate(`app.reach.source_text.${metric}`, {
                  _: data.sources[metric] ?? '',
                })}
              />
            ))}
            <FigureCard
              testId="reach-card-clickRate"
              label={translate('app.reach.metrics.clickRate')}
              value={formatRate(data.clickRate, locale)}
              source="observed"
              tooltip={translate('app.reach.click_rate_source')}
            />
            {followEstimate ? (
              <FigureCard
                testId="reach-card-followEstimate"
                label={translate('app.reach.metrics.followEstimate')}
                value={formatRate(followEstimate.rate, locale)}
                source="estimated"
                tooltip={translate('app.reach.estimate.source')}
                detail={estimateLine(followEstimate)}
              />
            ) : null}
          </Box>

          <Section
            title={translate('app.time.in_zone', {
              time: translate('app.reach.series.title'),
              zone: timeZone,
            })}
            testId="reach-series"
          >
            <ToggleButtonGroup
              size="small"
              exclusive
              value={granularity}
              onChange={(_, value: Granularity | null) => {
                if (value) {
                  setGranularity(value);
                }
              }}
              sx={{ mb: 1 }}
            >
              <ToggleButton value="day" data-testid="reach-granularity-day">
                {translate('app.reach.series.by_day')}
              </ToggleButton>
              <ToggleButton
                value="hour"
                disabled={!range || !hourlyAllowed(range)}
                data-testid="reach-granularity-hour"
              >
                {translate('app.reach.series.by_hour')}
              </ToggleButton>
            </ToggleButtonGroup>
            <Box data-testid="reach-series-chart" sx={{ minHeight: 300 }}>
              {series.data ? (
                <Suspense fallback={<CircularProgress size={24} />}>
                  <SeriesChart
                    points={seriesPoints(series.data, timeZone, locale)}
                    metrics={CHART_METRICS}
                    labels={metricLabels}
                  />
                </Suspense>
              ) : (
                <CircularProgress size={24} />
              )}
            </Box>
          </Section>

          <FunnelSection summary={data} />

          {data.scope.kind === 'channel' ? (
            <Section title={translate('app.reach.top_campaigns')} testId="reach-top-campaigns">
              <RankedTable rows={data.topCampaigns} resource="campaigns" testId="reach-top-table" />
            </Section>
          ) : null}
          {data.scope.kind === 'channel' || data.scope.kind === 'campaign' ? (
            <Section title={translate('app.reach.audiences')} testId="reach-audiences">
              <RankedTable
                rows={data.audiences}
                resource="audiences"
                testId="reach-audience-table"
              />
            </Section>
          ) : null}
        </>
      ) : null}
    </Box>
  );
}
