import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';

import { ChannelsService } from '@app/channels';
import { AppConfig } from '@app/config';
import { JobName, JobsService, OnJob } from '@app/jobs';

import {
  emptyTotals,
  METRIC_SOURCES,
  REACH_METRICS,
  type ReachMetric,
  type ReachTotals,
} from './reach-metrics';
import { bucketStarts, parseReachQuery, type RawReachQuery, type ReachQuery } from './reach-query';
import { type EstimateRow, type RankedScope, ReachRepository } from './reach.repository';

export interface ReachEstimateSummary {
  kind: 'follow' | 'subscribe';
  source: 'estimated';
  rate: number;
  ciLow: number;
  ciHigh: number;
  confidence: 0.95;
  sampleSize: number;
  population: number;
  measuredAt: string;
}

export interface ReachSummary {
  from: string;
  to: string;
  timeZone: string;
  scope: ReachQuery['scope'];
  totals: ReachTotals;
  /** Unique clicks per delivery, observed. */
  clickRate: number | null;
  sources: Record<ReachMetric, string>;
  funnel: {
    step: ReachMetric | 'estimatedFollows';
    value: number;
    source: 'observed' | 'estimated';
  }[];
  estimates: ReachEstimateSummary[];
  topCampaigns: RankedScope[];
  audiences: RankedScope[];
  /** Changes written but not yet in the figures (folded every few seconds). */
  pendingChanges: number;
}

export interface ReachSeries {
  from: string;
  to: string;
  granularity: 'hour' | 'day';
  timeZone: string;
  scope: ReachQuery['scope'];
  sources: Record<ReachMetric, string>;
  buckets: (ReachTotals & { start: string })[];
}

const TOP = 10;

type CsvLanguage = 'en' | 'ko';

/** The CSV's column names, in the language of the screen it was exported from. */
const CSV_LABELS: Record<
  CsvLanguage,
  {
    start: string;
    metrics: Record<ReachMetric, string>;
    observed: string;
    estimatedFollows: string;
  }
> = {
  en: {
    start: 'start',
    metrics: {
      delivered: 'delivered',
      failed: 'failed',
      clicks: 'clicks',
      uniqueClicks: 'unique clicks',
      follows: 'calendar adds',
      subscribes: 'calendar subscriptions',
      friendsAdded: 'channel friends added',
      friendsBlocked: 'channel blocks',
    },
    observed: 'observed',
    estimatedFollows: 'calendar adds via Kakao’s button (estimated, %{rate} of delivered)',
  },
  ko: {
    start: '시작',
    metrics: {
      delivered: '전달',
      failed: '실패',
      clicks: '클릭',
      uniqueClicks: '순 클릭',
      follows: '톡캘린더 추가',
      subscribes: '캘린더 구독',
      friendsAdded: '채널 친구 추가',
      friendsBlocked: '채널 차단',
    },
    observed: '관측',
    estimatedFollows: '카카오 버튼으로 톡캘린더 추가 (추정, 전달의 %{rate})',
  },
};

/** A CSV cell: quoted when it holds a comma, quote or line break. */
function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Follower reach from the hourly rollups: totals, series, top campaigns and audiences, the
 * funnel and the sampled estimates. Reads never scan the ledger; the fold job keeps the rollups
 * current from the deltas the triggers append.
 */
@Injectable()
export class ReachService {
  constructor(
    private readonly reach: ReachRepository,
    private readonly channels: ChannelsService,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  /** The repeating fold; idempotent, safe to call from every worker at start. */
  async scheduleFold(): Promise<void> {
    await this.jobs.schedule('reach-fold', JobName.ReachFold, {}, this.config.reach.foldMs);
  }

  @OnJob(JobName.ReachFold)
  async fold(): Promise<{ folded: number }> {
    return { folded: await this.reach.fold() };
  }

  /** Recounts the channel's rollups from the records; answers how many deltas it folded. */
  async rebuild(channelId: string): Promise<{ folded: number }> {
    return { folded: await this.reach.rebuild(channelId) };
  }

  async summary(channelId: string, raw: RawReachQuery): Promise<ReachSummary> {
    const timeZone = (await this.channels.get(channelId)).timeZone;
    const query = parseReachQuery(raw, timeZone);
    const [totals, topCampaigns, audiences, estimates, pendingChanges] = await Promise.all([
      this.reach.totals(channelId, query.scope, query.from, query.to),
      query.scope.kind === 'channel'
        ? this.reach.top(channelId, 'campaign', query.from, query.to, TOP)
        : Promise.resolve([]),
      query.scope.kind === 'channel'
        ? this.reach.top(channelId, 'audience', query.from, query.to, TOP)
        : query.scope.kind === 'campaign'
          ? this.reach.audiencesOfCampaign(channelId, query.scope.id, query.from, query.to, TOP)
          : Promise.resolve([]),
      query.scope.kind === 'campaign'
        ? this.reach.latestEstimates(channelId, query.scope.id)
        : Promise.resolve([] as EstimateRow[]),
      this.reach.pendingDeltas(),
    ]);
    const estimated = estimates.map((row): ReachEstimateSummary => ({
      kind: row.kind,
      source: 'estimated',
      rate: row.rate,
      ciLow: row.ciLow,
      ciHigh: row.ciHigh,
      confidence: 0.95,
      sampleSize: row.sampleSize,
      population: row.population,
      measuredAt: new Date(row.finishedAt).toISOString(),
    }));
    const followEstimate = estimated.find((estimate) => estimate.kind === 'follow');
    return {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      timeZone,
      scope: query.scope,
      totals,
      clickRate: totals.delivered > 0 ? totals.uniqueClicks / totals.delivered : null,
      sources: METRIC_SOURCES,
      funnel: [
        { step: 'delivered', value: totals.delivered, source: 'observed' },
        { step: 'uniqueClicks', value: totals.uniqueClicks, source: 'observed' },
        { step: 'follows', value: totals.follows + totals.subscribes, source: 'observed' },
        ...(followEstimate
          ? [
              {
                step: 'estimatedFollows' as const,
                value: Math.round(followEstimate.rate * totals.delivered),
                source: 'estimated' as const,
              },
            ]
          : []),
      ],
      estimates: estimated,
      topCampaigns,
      audiences,
      pendingChanges,
    };
  }

  async timeseries(channelId: string, raw: RawReachQuery): Promise<ReachSeries> {
    const timeZone = (await this.channels.get(channelId)).timeZone;
    const query = parseReachQuery(raw, timeZone);
    const rows = await this.reach.series(
      channelId,
      query.scope,
      query.from,
      query.to,
      query.granularity,
      timeZone,
    );
    const byStart = new Map(rows.map((row) => [row.start.getTime(), row]));
    return {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      granularity: query.granularity,
      timeZone,
      scope: query.scope,
      sources: METRIC_SOURCES,
      buckets: bucketStarts(query, timeZone).map((start) => {
        const row = byStart.get(start.getTime());
        const totals = emptyTotals();
        for (const metric of REACH_METRICS) {
          totals[metric] = row?.[metric] ?? 0;
        }
        return { start: start.toISOString(), ...totals };
      }),
    };
  }

  /**
   * The series as CSV, one row per bucket: starts as wall times in the channel's zone (the zone
   * is in the header), each column saying whether it is observed or estimated, headers in `lang`.
   * A campaign with a sampled follow estimate gets the estimated follows per bucket too.
   */
  async timeseriesCsv(channelId: string, raw: RawReachQuery): Promise<string> {
    const series = await this.timeseries(channelId, raw);
    const labels = CSV_LABELS[raw.lang === 'ko' ? 'ko' : 'en'];
    const estimate =
      series.scope.kind === 'campaign'
        ? (await this.reach.latestEstimates(channelId, series.scope.id)).find(
            (row) => row.kind === 'follow',
          )
        : undefined;
    const format = series.granularity === 'hour' ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd';
    const header = [
      `${labels.start} (${series.timeZone})`,
      ...REACH_METRICS.map((metric) => `${labels.metrics[metric]} (${labels.observed})`),
      ...(estimate
        ? [
            labels.estimatedFollows.replace(
              '%{rate}',
              `${(Number(estimate.rate) * 100).toFixed(1)}%`,
            ),
          ]
        : []),
    ];
    const lines = series.buckets.map((bucket) =>
      [
        DateTime.fromISO(bucket.start, { zone: series.timeZone }).toFormat(format),
        ...REACH_METRICS.map((metric) => String(bucket[metric])),
        ...(estimate ? [String(Math.round(Number(estimate.rate) * bucket.delivered))] : []),
      ].join(','),
    );
    return [header.map(csvCell).join(','), ...lines].join('\n') + '\n';
  }
}
