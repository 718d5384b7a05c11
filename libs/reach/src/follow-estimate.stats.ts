/** Pure statistics of the sampled follow / subscription estimate. */

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/** Beyond this share of the population sampled, the finite population correction applies. */
export const FPC_THRESHOLD = 0.05;

/** Calendar calls one check costs: 4.6 (one page of ≤ 1000 events) or 4.1 (one call). */
export const CALLS_PER_CHECK: Record<'follow' | 'subscribe', number> = { follow: 1, subscribe: 1 };

export interface Interval {
  rate: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval at 95 % for `hits` out of `n` checked, drawn without replacement from
 * `population`. When the sample is more than 5 % of the population the variance is shrunk by the
 * finite population correction (N − n) / (N − 1), i.e. the Wilson formula runs on the effective
 * sample size n / fpc; a sample of the whole population has no sampling error.
 */
export function wilsonInterval(hits: number, n: number, population?: number, z = Z_95): Interval {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError('n must be a positive integer');
  }
  if (!Number.isInteger(hits) || hits < 0 || hits > n) {
    throw new RangeError('hits must be an integer between 0 and n');
  }
  const rate = hits / n;
  let effective = n;
  if (population !== undefined && population > 1 && n / population > FPC_THRESHOLD) {
    const fpc = Math.max(0, (population - n) / (population - 1));
    if (fpc === 0) {
      return { rate, low: rate, high: rate };
    }
    effective = n / fpc;
  }
  const z2 = z * z;
  const denominator = 1 + z2 / effective;
  const center = (rate + z2 / (2 * effective)) / denominator;
  const half =
    (z / denominator) *
    Math.sqrt((rate * (1 - rate)) / effective + z2 / (4 * effective * effective));
  return {
    rate,
    low: Math.max(0, center - half),
    high: Math.min(1, center + half),
  };
}

/** How many recipients a quota budget can check: budget / calls per check, capped by the population. */
export function sampleSizeFor(
  kind: 'follow' | 'subscribe',
  quotaBudget: number,
  population: number,
): number {
  if (population <= 0 || quotaBudget <= 0) {
    return 0;
  }
  return Math.min(population, Math.floor(quotaBudget / CALLS_PER_CHECK[kind]));
}

/**
 * Simple random sampling without replacement: `n` distinct items, each subset equally likely
 * (partial Fisher–Yates). `random` answers in [0, 1).
 */
export function sampleWithoutReplacement<T>(
  items: readonly T[],
  n: number,
  random: () => number = Math.random,
): T[] {
  const pool = [...items];
  const take = Math.max(0, Math.min(n, pool.length));
  for (let index = 0; index < take; index += 1) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick], pool[index]];
  }
  return pool.slice(0, take);
}

const DAY_MS = 24 * 3600 * 1000;
const GRID_MS = 5 * 60 * 1000;
/** The 4.6 window limit. */
const MAX_WINDOW_MS = 31 * DAY_MS;

/**
 * The 4.6 window that holds a followed public event: from a day before its start to a day after
 * its end, at most 31 days, on the 5-minute grid Kakao expects.
 */
export function followWindow(startsAt: Date, endsAt: Date): { from: Date; to: Date } {
  const from = Math.floor((startsAt.getTime() - DAY_MS) / GRID_MS) * GRID_MS;
  const wanted =
    Math.ceil((Math.max(endsAt.getTime(), startsAt.getTime()) + DAY_MS) / GRID_MS) * GRID_MS;
  return { from: new Date(from), to: new Date(Math.min(wanted, from + MAX_WINDOW_MS)) };
}
