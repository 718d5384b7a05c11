/** `GET /api/reach/*` (libs/reach/src/reach.service.ts): follower reach of the current channel. */

export const REACH_METRICS = [
  'delivered',
  'failed',
  'clicks',
  'uniqueClicks',
  'follows',
  'subscribes',
  'friendsAdded',
  'friendsBlocked',
] as const;

export type ReachMetric = (typeof REACH_METRICS)[number];
export type ReachTotals = Record<ReachMetric, number>;
export type FigureSource = 'observed' | 'estimated';
export type Granularity = 'hour' | 'day';

export type ReachScope =
  { kind: 'channel' } | { kind: 'campaign' | 'blast' | 'audience'; id: string };

export interface ReachEstimate {
  kind: 'follow' | 'subscribe';
  source: 'estimated';
  rate: number;
  ciLow: number;
  ciHigh: number;
  confidence: number;
  sampleSize: number;
  population: number;
  measuredAt: string;
}

export interface FunnelStep {
  step: ReachMetric | 'estimatedFollows';
  value: number;
  source: FigureSource;
}

export interface RankedScope extends ReachTotals {
  id: string;
  name: string | null;
}

export interface ReachSummary {
  from: string;
  to: string;
  timeZone: string;
  scope: ReachScope;
  totals: ReachTotals;
  clickRate: number | null;
  sources: Record<ReachMetric, string>;
  funnel: FunnelStep[];
  estimates: ReachEstimate[];
  topCampaigns: RankedScope[];
  audiences: RankedScope[];
  pendingChanges: number;
}

export interface ReachSeries {
  from: string;
  to: string;
  granularity: Granularity;
  timeZone: string;
  scope: ReachScope;
  sources: Record<ReachMetric, string>;
  buckets: (ReachTotals & { start: string })[];
}

/** The query of every reach call: a period, a granularity and at most one scope. */
export interface ReachQuery {
  from: string;
  to: string;
  granularity?: Granularity;
  campaignId?: string;
  audienceId?: string;
  blastId?: string;
  /** The CSV's column language. */
  lang?: string;
}
