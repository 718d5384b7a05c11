import {
  nextWebhookAttemptAt,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_MAX_DELAY_MS,
  webhookRetryDelayMs,
} from './webhook-backoff';

describe('webhook retry backoff', () => {
  const middle = (): number => 0.5;

  it('waits base × 3^(n-1) without jitter in the middle: 10 s, 30 s, 90 s, …', () => {
    expect([1, 2, 3, 4].map((attempt) => webhookRetryDelayMs(attempt, 10_000, middle))).toEqual([
      10_000, 30_000, 90_000, 270_000,
    ]);
  });

  it('caps the wait at one hour', () => {
    expect(webhookRetryDelayMs(7, 10_000, middle)).toBe(WEBHOOK_MAX_DELAY_MS);
    expect(webhookRetryDelayMs(30, 10_000, middle)).toBe(WEBHOOK_MAX_DELAY_MS);
  });

  it('adds ±20 % jitter', () => {
    expect(webhookRetryDelayMs(2, 10_000, () => 0)).toBe(24_000);
    expect(webhookRetryDelayMs(2, 10_000, () => 1)).toBe(36_000);
    for (let i = 0; i < 100; i += 1) {
      const delay = webhookRetryDelayMs(3, 10_000);
      expect(delay).toBeGreaterThanOrEqual(72_000);
      expect(delay).toBeLessThanOrEqual(108_000);
    }
  });

  it('scales with the configured base (tests use milliseconds)', () => {
    expect(webhookRetryDelayMs(2, 50, middle)).toBe(150);
  });

  it('plans a next attempt until the last one, then none', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(nextWebhookAttemptAt(1, 10_000, now, middle)).toEqual(new Date('2026-01-01T00:00:10Z'));
    expect(nextWebhookAttemptAt(WEBHOOK_MAX_ATTEMPTS - 1, 10_000, now, middle)).not.toBeNull();
    expect(nextWebhookAttemptAt(WEBHOOK_MAX_ATTEMPTS, 10_000, now, middle)).toBeNull();
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(8);
  });
});
