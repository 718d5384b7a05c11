/** Attempts of one delivery before it counts as failed. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
/** Each wait is three times the one before, up to this. */
export const WEBHOOK_MAX_DELAY_MS = 60 * 60_000;
const FACTOR = 3;
/** Waits vary by ±20 %, so endpoints that failed together do not get retried together. */
const JITTER = 0.2;

/**
 * How long to wait after failed attempt `attempt` (1-based) before the next: base × 3^(n-1),
 * capped, with jitter. With the default 10 s base: ~10 s, 30 s, 1.5 min, 4.5 min, 13.5 min,
 * 40 min, 1 h.
 */
export function webhookRetryDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const plain = Math.min(WEBHOOK_MAX_DELAY_MS, baseMs * FACTOR ** Math.max(0, attempt - 1));
  return Math.round(plain * (1 - JITTER + 2 * JITTER * random()));
}

/** When the next attempt is due, or null when attempt `attempt` was the last one. */
export function nextWebhookAttemptAt(
  attempt: number,
  baseMs: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (attempt >= WEBHOOK_MAX_ATTEMPTS) {
    return null;
  }
  return new Date(now.getTime() + webhookRetryDelayMs(attempt, baseMs, random));
}
