const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since the epoch in Asia/Seoul (no DST there, so a fixed +9h is exact). */
export function kstDayIndex(epochMs: number): number {
  return Math.floor((epochMs + KST_OFFSET_MS) / DAY_MS);
}

/** Start of the next KST day, i.e. when today's counters reset. */
export function nextKstMidnight(epochMs: number): number {
  return (kstDayIndex(epochMs) + 1) * DAY_MS - KST_OFFSET_MS;
}

export interface DailyCountersData {
  day: number;
  counts: Map<string, number>;
}

export function createDailyCountersData(): DailyCountersData {
  return { day: 0, counts: new Map() };
}

/** Counters that all reset together at 00:00 Asia/Seoul, judged by the time passed in. */
export class DailyCounters {
  constructor(private readonly data: DailyCountersData) {}

  get(key: string, now: number): number {
    this.roll(now);
    return this.data.counts.get(key) ?? 0;
  }

  /** Adds `amount` only when the total stays within `limit`; answers whether it did. */
  tryConsume(key: string, limit: number, now: number, amount = 1): boolean {
    this.roll(now);
    const current = this.data.counts.get(key) ?? 0;
    if (current + amount > limit) {
      return false;
    }
    this.data.counts.set(key, current + amount);
    return true;
  }

  add(key: string, now: number, amount = 1): void {
    this.roll(now);
    this.data.counts.set(key, (this.data.counts.get(key) ?? 0) + amount);
  }

  private roll(now: number): void {
    const day = kstDayIndex(now);
    if (day !== this.data.day) {
      this.data.day = day;
      this.data.counts.clear();
    }
  }
}
