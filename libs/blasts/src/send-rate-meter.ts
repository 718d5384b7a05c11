interface Reading {
  at: number;
  sent: number;
}

/**
 * The current send rate of runs, from successive readings of their sent counter (progress polls
 * and event streams read it anyway), so no query ever scans a run's ledger by send time.
 */
export class SendRateMeter {
  private readonly readings = new Map<string, Reading[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxRuns = 1_000,
  ) {}

  /**
   * Records that `sent` messages of the run were out at `at` and answers the messages per second
   * over about the last window; `undefined` until two readings are at least half a second apart.
   */
  observe(runId: string, sent: number, at: number = Date.now()): number | undefined {
    const readings = this.readings.get(runId) ?? [];
    readings.push({ at, sent });
    // Keep one reading at or before the window's start, so the rate always spans the window.
    while (readings.length > 2 && readings[1].at <= at - this.windowMs) {
      readings.shift();
    }
    // Re-inserting keeps the map in least-recently-read order for the eviction below.
    this.readings.delete(runId);
    this.readings.set(runId, readings);
    if (this.readings.size > this.maxRuns) {
      const oldest = this.readings.keys().next().value;
      if (oldest !== undefined) {
        this.readings.delete(oldest);
      }
    }
    const first = readings[0];
    const elapsedMs = at - first.at;
    if (elapsedMs < 500) {
      return undefined;
    }
    return Math.max(0, (sent - first.sent) / (elapsedMs / 1000));
  }

  /** Drops a run's readings, e.g. after a pause, so the next rate starts from fresh readings. */
  forget(runId: string): void {
    this.readings.delete(runId);
  }
}
