import { addDays, formatInstant, isDateText, localDate } from '@admin/time/zonedTime';

import {
  type FigureSource,
  type Granularity,
  type ReachEstimate,
  type ReachMetric,
  type ReachQuery,
  type ReachSeries,
  type ReachSummary,
  type ReachTotals,
} from './types';

export const PERIODS = ['7d', '30d', '90d', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

const PERIOD_DAYS: Record<Exclude<Period, 'custom'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** Most days the API answers by the hour (31 days of hours). */
export const MAX_HOURLY_DAYS = 31;

/** A period as whole days in the channel's zone: `from` inclusive, `to` exclusive (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The days a period covers in `timeZone`: the last n days up to and including today, or the
 * custom dates (both inclusive). Null when the custom dates are missing or reversed.
 */
export function periodRange(
  period: Period,
  nowMs: number,
  timeZone: string,
  custom: { from?: string; to?: string } = {},
): DayRange | null {
  if (period === 'custom') {
    const { from, to } = custom;
    if (!from || !to || !isDateText(from) || !isDateText(to) || from > to) {
      return null;
    }
    return { from, to: addDays(to, 1) };
  }
  const today = localDate(nowMs, timeZone);
  return { from: addDays(today, -(PERIOD_DAYS[period] - 1)), to: addDays(today, 1) };
}

/** How many days a range holds. */
export function rangeDays(range: DayRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000);
}

export function hourlyAllowed(range: DayRange): boolean {
  return rangeDays(range) <= MAX_HOURLY_DAYS;
}

/** By the hour for a day or two, by the day otherwise. */
export function defaultGranularity(range: DayRange): Granularity {
  return rangeDays(range) <= 2 ? 'hour' : 'day';
}

export interface ReachFilters {
  campaignId?: string | null;
  audienceId?: string | null;
}

/** The API query: the API takes at most one scope, the campaign winning over the audience. */
export function reachQuery(
  range: DayRange,
  granularity: Granularity,
  filters: ReachFilters = {},
): ReachQuery {
  const query: ReachQuery = {
    from: range.from,
    to: range.to,
    granularity: granularity === 'hour' && !hourlyAllowed(range) ? 'day' : granularity,
  };
  if (filters.campaignId) {
    query.campaignId = filters.campaignId;
  } else if (filters.audienceId) {
    query.audienceId = filters.audienceId;
  }
  return query;
}

/** The query as URL parameters. */
export function reachSearch(query: ReachQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' && value !== '') {
      params.set(key, value);
    }
  }
  return params.toString();
}

/** Observed or estimated, from the API's source text (`observed: ...`). */
export function sourceOf(text: string | undefined): FigureSource {
  return text?.trim().toLowerCase().startsWith('estimated') ? 'estimated' : 'observed';
}

/** The totals shown as cards, in order. */
export const CARD_METRICS: readonly ReachMetric[] = [
  'delivered',
  'failed',
  'clicks',
  'uniqueClicks',
  'follows',
  'subscribes',
  'friendsAdded',
  'friendsBlocked',
];

/** The series the chart draws. */
export const CHART_METRICS: readonly ReachMetric[] = [
  'delivered',
  'clicks',
  'follows',
  'friendsAdded',
  'friendsBlocked',
];

const percent = (locale: string, digits = 1): Intl.NumberFormat =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits });

/** `12.3%`; a dash when there is no rate. */
export function formatRate(rate: number | null | undefined, locale: string): string {
  return rate === null || rate === undefined || !Number.isFinite(rate)
    ? '–'
    : percent(locale).format(rate);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** An estimate's parts, formatted: the rate, its 95 % interval and the sample behind it. */
// A type (not an interface) so it passes as translation options.
export type EstimateText = Record<
  'rate' | 'low' | 'high' | 'confidence' | 'sampleSize' | 'population',
  string
>;

export function estimateText(estimate: ReachEstimate, locale: string): EstimateText {
  return {
    rate: formatRate(estimate.rate, locale),
    low: formatRate(estimate.ciLow, locale),
    high: formatRate(estimate.ciHigh, locale),
    confidence: percent(locale, 0).format(estimate.confidence ?? 0.95),
    sampleSize: formatCount(estimate.sampleSize, locale),
    population: formatCount(estimate.population, locale),
  };
}

export interface FunnelRow {
  step: ReachMetric | 'estimatedFollows';
  value: number;
  source: FigureSource;
  /** Share of the deliveries (null without deliveries). */
  share: number | null;
  /** The estimate's 95 % interval as counts, and the sample behind it (estimated rows). */
  low?: number;
  high?: number;
  estimate?: ReachEstimate;
}

/**
 * The funnel the page draws: delivered → unique clicks → follows (observed), then the estimated
 * follows when a sampled follow estimate exists, with its interval scaled to the deliveries.
 */
export function funnelRows(
  summary: Pick<ReachSummary, 'funnel' | 'estimates' | 'totals'>,
): FunnelRow[] {
  const delivered = summary.totals.delivered;
  const follow = summary.estimates.find((estimate) => estimate.kind === 'follow');
  return summary.funnel.map((step): FunnelRow => {
    const share = delivered > 0 ? step.value / delivered : null;
    if (step.step === 'estimatedFollows' && follow) {
      return {
        ...step,
        source: 'estimated',
        share: delivered > 0 ? follow.rate : null,
        low: Math.round(follow.ciLow * delivered),
        high: Math.round(follow.ciHigh * delivered),
        estimate: follow,
      };
    }
    return { ...step, share };
  });
}

export function hasAnyFigure(totals: ReachTotals | undefined): boolean {
  return totals !== undefined && Object.values(totals).some((value) => value > 0);
}

export interface SeriesPoint extends ReachTotals {
  start: string;
  label: string;
}

const DAY_LABEL: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
const HOUR_LABEL: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** The chart's points, each bucket labelled in the channel's zone. */
export function seriesPoints(series: ReachSeries, timeZone: string, locale: string): SeriesPoint[] {
  const options = series.granularity === 'hour' ? HOUR_LABEL : DAY_LABEL;
  return series.buckets.map((bucket) => ({
    ...bucket,
    label: formatInstant(bucket.start, timeZone, locale, options),
  }));
}

/** `reach-2030-04-01-2030-04-07.csv` (the range's last day inclusive). */
export function csvFileName(range: DayRange): string {
  return `reach-${range.from}-${addDays(range.to, -1)}.csv`;
}
