import {
  backoffDelay,
  type FailureFacts,
  isQuotaCode,
  isRetryableCode,
  isRetryableFailure,
  retryWithBackoff,
  type Sleep,
} from './retry-policy';

const api = (status: number, code: number): FailureFacts => ({ kind: 'api', status, code });

describe('isRetryableFailure (contract 9.4)', () => {
  it.each([
    [-1, 400],
    [-7, 400],
    [-603, 400],
    [-9798, 503],
  ])('retries code %i (HTTP %i)', (code, status) => {
    expect(isRetryableFailure(api(status, code))).toBe(true);
  });

  it.each([
    [-2, 400],
    [-401, 401],
    [-402, 403],
    [-5, 403],
    [-6, 403],
    [-10, 400],
    [-531, 400],
    [-532, 400],
    [-533, 400],
    [-536, 400],
  ])('never retries code %i (HTTP %i)', (code, status) => {
    expect(isRetryableFailure(api(status, code))).toBe(false);
  });

  it.each([
    [-2, 500],
    [-10, 503],
    [-401, 502],
  ])('never retries code %i even with HTTP %i', (code, status) => {
    expect(isRetryableFailure(api(status, code))).toBe(false);
  });

  // Codes of 9.2 outside both lists are permanent unless the HTTP status is 5xx.
  it.each([-3, -4, -8, -9, -11, -12, -101, -406, -501, -502, -530, -541, -544, -819, -903])(
    'does not retry the other 4xx code %i',
    (code) => {
      expect(isRetryableFailure(api(400, code))).toBe(false);
      expect(isRetryableFailure(api(500, code))).toBe(true);
    },
  );

  it.each([500, 502, 503, 504])('retries a bare HTTP %i', (status) => {
    expect(isRetryableFailure({ kind: 'http', status })).toBe(true);
  });

  it.each([400, 401, 403, 404, 429])('does not retry a bare HTTP %i', (status) => {
    expect(isRetryableFailure({ kind: 'http', status })).toBe(false);
  });

  it('retries network failures and timeouts', () => {
    expect(isRetryableFailure({ kind: 'network', status: 0 })).toBe(true);
    expect(isRetryableFailure({ kind: 'timeout', status: 0 })).toBe(true);
  });

  it('retries OAuth answers only on 5xx', () => {
    expect(isRetryableFailure({ kind: 'oauth', status: 400 })).toBe(false);
    expect(isRetryableFailure({ kind: 'oauth', status: 401 })).toBe(false);
    expect(isRetryableFailure({ kind: 'oauth', status: 503 })).toBe(true);
  });
});

describe('isRetryableCode and isQuotaCode', () => {
  it('name the transient codes', () => {
    expect([-1, -7, -603, -9798].every(isRetryableCode)).toBe(true);
    expect([-2, -10, -401].some(isRetryableCode)).toBe(false);
  });

  it('name the quota codes to reschedule', () => {
    expect([-10, -531, -532, -533, -536].every(isQuotaCode)).toBe(true);
    expect([-1, -2, -5, -502, -530].some(isQuotaCode)).toBe(false);
  });
});

describe('backoffDelay', () => {
  const backoff = { baseMs: 100, maxMs: 1_000 };

  it('doubles the ceiling per retry and caps it at maxMs', () => {
    const almostOne = (): number => 0.999_999;
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => backoffDelay(retry, backoff, almostOne))).toEqual([
      99, 199, 399, 799, 999, 999, 999,
    ]);
  });

  it('is full jitter: 0 at the bottom of the random range', () => {
    expect(backoffDelay(3, backoff, () => 0)).toBe(0);
  });

  it('stays within [0, ceiling) for real randomness', () => {
    for (let retry = 0; retry < 8; retry += 1) {
      const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** retry);
      for (let i = 0; i < 200; i += 1) {
        const delay = backoffDelay(retry, backoff);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('spreads delays across the range', () => {
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(4, backoff)));
    expect(delays.size).toBeGreaterThan(20);
  });
});

describe('retryWithBackoff', () => {
  const transient = new Error('transient');
  const permanent = new Error('permanent');
  const options = (sleeps: number[]) => ({
    retries: 3,
    backoff: { baseMs: 10, maxMs: 35 },
    shouldRetry: (error: unknown) => error === transient,
    random: () => 0.5,
    sleep: ((ms: number) => {
      sleeps.push(ms);
      return Promise.resolve();
    }) satisfies Sleep,
  });

  it('retries transient failures with growing delays until success', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await retryWithBackoff(() => {
      calls += 1;
      return calls < 4 ? Promise.reject(transient) : Promise.resolve('ok');
    }, options(sleeps));
    expect(result).toBe('ok');
    expect(calls).toBe(4);
    expect(sleeps).toEqual([5, 10, 17]);
  });

  it('gives up after the configured retries with the last error', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await expect(
      retryWithBackoff(() => {
        calls += 1;
        return Promise.reject(transient);
      }, options(sleeps)),
    ).rejects.toBe(transient);
    expect(calls).toBe(4);
    expect(sleeps).toHaveLength(3);
  });

  it('never retries a permanent failure', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await expect(
      retryWithBackoff(() => {
        calls += 1;
        return Promise.reject(permanent);
      }, options(sleeps)),
    ).rejects.toBe(permanent);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('passes the attempt index', async () => {
    const seen: number[] = [];
    await retryWithBackoff((index) => {
      seen.push(index);
      return index < 2 ? Promise.reject(transient) : Promise.resolve(index);
    }, options([]));
    expect(seen).toEqual([0, 1, 2]);
  });
});
