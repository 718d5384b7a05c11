import {
  csvFileName,
  defaultGranularity,
  estimateText,
  formatRate,
  funnelRows,
  hasAnyFigure,
  hourlyAllowed,
  periodRange,
  reachQuery,
  reachSearch,
  seriesPoints,
  sourceOf,
} from '@admin/dashboard/reachLogic';
import {
  type ReachEstimate,
  type ReachSeries,
  type ReachSummary,
  type ReachTotals,
} from '@admin/dashboard/types';
import { translatorFor } from '@admin/test/translate';

const totals = (values: Partial<ReachTotals> = {}): ReachTotals => ({
  delivered: 0,
  failed: 0,
  clicks: 0,
  uniqueClicks: 0,
  follows: 0,
  subscribes: 0,
  friendsAdded: 0,
  friendsBlocked: 0,
  ...values,
});

const followEstimate: ReachEstimate = {
  kind: 'follow',
  source: 'estimated',
  rate: 0.123,
  ciLow: 0.101,
  ciHigh: 0.145,
  confidence: 0.95,
  sampleSize: 200,
  population: 1234,
  measuredAt: '2030-04-12T01:00:00.000Z',
};

// 2030-04-12T16:30Z is already the 13th in Seoul (UTC+9).
const NOW = Date.parse('2030-04-12T16:30:00Z');

describe('reach dashboard periods', () => {
  it('counts the last n days up to today in the channel zone', () => {
    expect(periodRange('7d', NOW, 'Asia/Seoul')).toEqual({ from: '2030-04-07', to: '2030-04-14' });
    expect(periodRange('7d', NOW, 'UTC')).toEqual({ from: '2030-04-06', to: '2030-04-13' });
    expect(periodRange('30d', NOW, 'Asia/Seoul')).toEqual({
      from: '2030-03-15',
      to: '2030-04-14',
    });
    expect(periodRange('90d', NOW, 'Asia/Seoul')?.from).toBe('2030-01-14');
  });

  it('takes custom dates inclusively and refuses reversed or missing ones', () => {
    const period = { from: '2030-04-01', to: '2030-04-01' };
    expect(periodRange('custom', NOW, 'Asia/Seoul', period)).toEqual({
      from: '2030-04-01',
      to: '2030-04-02',
    });
    expect(periodRange('custom', NOW, 'Asia/Seoul', { from: '2030-04-02', to: '2030-04-01' })).toBe(
      null,
    );
    expect(periodRange('custom', NOW, 'Asia/Seoul', { from: '2030-04-02' })).toBe(null);
  });

  it('draws hours for short periods and never asks for more than 31 days of hours', () => {
    const day = { from: '2030-04-01', to: '2030-04-02' };
    const quarter = { from: '2030-01-01', to: '2030-04-01' };
    expect(defaultGranularity(day)).toBe('hour');
    expect(defaultGranularity(quarter)).toBe('day');
    expect(hourlyAllowed(quarter)).toBe(false);
    expect(reachQuery(quarter, 'hour').granularity).toBe('day');
  });

  it('sends at most one scope, the campaign first', () => {
    const range = { from: '2030-04-01', to: '2030-04-08' };
    const query = reachQuery(range, 'day', { campaignId: 'c1', audienceId: 'a1' });
    expect(query).toEqual({
      from: '2030-04-01',
      to: '2030-04-08',
      granularity: 'day',
      campaignId: 'c1',
    });
    expect(reachSearch(reachQuery(range, 'day', { audienceId: 'a1' }))).toBe(
      'from=2030-04-01&to=2030-04-08&granularity=day&audienceId=a1',
    );
    expect(csvFileName(range)).toBe('reach-2030-04-01-2030-04-07.csv');
  });
});

describe('reach dashboard figures', () => {
  it('builds the observed funnel, then the estimated follows with their interval', () => {
    const summary: Pick<ReachSummary, 'funnel' | 'estimates' | 'totals'> = {
      totals: totals({ delivered: 1000, uniqueClicks: 250, follows: 40, subscribes: 10 }),
      estimates: [followEstimate],
      funnel: [
        { step: 'delivered', value: 1000, source: 'observed' },
        { step: 'uniqueClicks', value: 250, source: 'observed' },
        { step: 'follows', value: 50, source: 'observed' },
        { step: 'estimatedFollows', value: 123, source: 'estimated' },
      ],
    };
    const rows = funnelRows(summary);
    expect(rows.map((row) => [row.step, row.value, row.source, row.share])).toEqual([
      ['delivered', 1000, 'observed', 1],
      ['uniqueClicks', 250, 'observed', 0.25],
      ['follows', 50, 'observed', 0.05],
      ['estimatedFollows', 123, 'estimated', 0.123],
    ]);
    expect(rows[3]).toMatchObject({ low: 101, high: 145, estimate: followEstimate });
    expect(rows[0]?.low).toBeUndefined();
  });

  it('has no shares without deliveries', () => {
    const rows = funnelRows({
      totals: totals(),
      estimates: [],
      funnel: [{ step: 'delivered', value: 0, source: 'observed' }],
    });
    expect(rows[0]?.share).toBeNull();
    expect(hasAnyFigure(totals())).toBe(false);
    expect(hasAnyFigure(totals({ friendsBlocked: 1 }))).toBe(true);
  });

  it('formats rates and the 95 % interval with the sample size in both languages', () => {
    expect(formatRate(0.123, 'en')).toBe('12.3%');
    expect(formatRate(null, 'en')).toBe('–');
    expect(
      translatorFor('en')('app.reach.estimate.interval', estimateText(followEstimate, 'en')),
    ).toBe('12.3%, 95% interval 10.1%–14.5%, sample of 200 out of 1,234');
    expect(
      translatorFor('ko')('app.reach.estimate.interval', estimateText(followEstimate, 'ko')),
    ).toBe('12.3%, 95% 신뢰구간 10.1%–14.5%, 표본 1,234명 중 200명');
  });

  it('reads the source of each figure', () => {
    expect(sourceOf('observed: Kakao accepted the send (the ledger)')).toBe('observed');
    expect(sourceOf('estimated: sampled')).toBe('estimated');
    expect(sourceOf(undefined)).toBe('observed');
  });

  it('labels the buckets in the channel zone', () => {
    const series: ReachSeries = {
      from: '2030-04-11T15:00:00.000Z',
      to: '2030-04-12T15:00:00.000Z',
      granularity: 'hour',
      timeZone: 'Asia/Seoul',
      scope: { kind: 'channel' },
      sources: {} as ReachSeries['sources'],
      buckets: [{ start: '2030-04-11T15:00:00.000Z', ...totals({ delivered: 3 }) }],
    };
    const [point] = seriesPoints(series, 'Asia/Seoul', 'en');
    expect(point?.label).toBe('Apr 12, 00:00');
    expect(point?.delivered).toBe(3);
    expect(seriesPoints({ ...series, granularity: 'day' }, 'Asia/Seoul', 'en')[0]?.label).toBe(
      'Apr 12',
    );
  });
});
