/** What the rollups count, per scope and hour; every one is observed by the console itself. */
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

/** Column of each metric in `reach_hourly` / `reach_deltas`. */
export const METRIC_COLUMNS: Record<ReachMetric, string> = {
  delivered: 'delivered',
  failed: 'failed',
  clicks: 'clicks',
  uniqueClicks: 'unique_clicks',
  follows: 'follows',
  subscribes: 'subscribes',
  friendsAdded: 'friends_added',
  friendsBlocked: 'friends_blocked',
};

/** Where a figure comes from, said next to every figure the API answers. */
export const METRIC_SOURCES: Record<ReachMetric, string> = {
  delivered: 'observed: Kakao accepted the send (the ledger)',
  failed: 'observed: Kakao refused the send for good (the ledger)',
  clicks: 'observed: every open of a tracking link',
  uniqueClicks: 'observed: deliveries whose tracking link was opened at least once',
  follows: 'observed: follows made on our landing page; Kakao’s own button is estimated',
  subscribes: 'observed: subscriptions made on our landing page; Kakao’s own button is estimated',
  friendsAdded:
    'observed: recipients who became channel friends, found by the relation sync; not attributed to campaigns or audiences',
  friendsBlocked:
    'observed: recipients who blocked the channel, found by the relation sync; not attributed to campaigns or audiences',
};

export function emptyTotals(): ReachTotals {
  return Object.fromEntries(REACH_METRICS.map((metric) => [metric, 0])) as ReachTotals;
}

/** `sum(col)::bigint AS "metric"` for every metric, for rollup queries. */
export function sumColumns(alias = ''): string {
  const prefix = alias ? `${alias}.` : '';
  return REACH_METRICS.map(
    (metric) => `COALESCE(sum(${prefix}"${METRIC_COLUMNS[metric]}"), 0)::bigint AS "${metric}"`,
  ).join(', ');
}

/** Totals from a row of `sumColumns()` (Postgres answers bigint as text). */
export function totalsOf(row: Record<string, string | number | null> | undefined): ReachTotals {
  const totals = emptyTotals();
  for (const metric of REACH_METRICS) {
    totals[metric] = Number(row?.[metric] ?? 0);
  }
  return totals;
}
