// Retry policy of contract 9.4, kept pure: which failures may be retried, how long to wait, and
// a loop that applies both with injectable randomness and sleep.

/** Codes that signal a transient fault on Kakao's side (9.4). */
const RETRYABLE_CODES: ReadonlySet<number> = new Set([-1, -7, -603, -9798]);

/**
 * Codes that must never be retried, whatever the HTTP status: bad input, auth (refresh once, see
 * token-refresh.ts), consent, permission, ownership and every quota (reschedule after the window).
 */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  -2, -401, -402, -5, -6, -10, -531, -532, -533, -536,
]);

const QUOTA_CODES: ReadonlySet<number> = new Set([-10, -531, -532, -533, -536]);

export interface FailureFacts {
  kind: 'api' | 'oauth' | 'http' | 'network' | 'timeout';
  status: number;
  code?: number;
}

export function isRetryableCode(code: number): boolean {
  return RETRYABLE_CODES.has(code);
}

/** 9.4: quota codes are not retried but rescheduled after the quota window (00:00 KST). */
export function isQuotaCode(code: number): boolean {
  return QUOTA_CODES.has(code);
}

/** 9.4: retry network errors, HTTP 5xx, -1, -7, -603 and -9798; never the permanent codes. */
export function isRetryableFailure(facts: FailureFacts): boolean {
  if (facts.kind === 'network' || facts.kind === 'timeout') {
    return true;
  }
  if (facts.code !== undefined) {
    if (PERMANENT_CODES.has(facts.code)) {
      return false;
    }
    if (RETRYABLE_CODES.has(facts.code)) {
      return true;
    }
  }
  return facts.status >= 500;
}

export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { baseMs: 100, maxMs: 5_000 };

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(maxMs, baseMs * 2^retry)),
 * where `retry` counts from 0 for the first retry.
 */
export function backoffDelay(
  retry: number,
  backoff: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}

export type Sleep = (ms: number) => Promise<void>;

export const defaultSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  retries: number;
  backoff: BackoffOptions;
  shouldRetry: (error: unknown) => boolean;
  random?: () => number;
  sleep?: Sleep;
}

/** Runs `attempt` until it succeeds, fails permanently, or the retries are used up. */
export async function retryWithBackoff<T>(
  attempt: (attemptIndex: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let index = 0; ; index += 1) {
    try {
      return await attempt(index);
    } catch (error) {
      if (index >= options.retries || !options.shouldRetry(error)) {
        throw error;
      }
      await sleep(backoffDelay(index, options.backoff, options.random));
    }
  }
}
