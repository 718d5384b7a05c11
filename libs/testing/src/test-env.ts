import { randomBytes } from 'node:crypto';

import { resetConfigCache } from '@app/config';

/**
 * Sets environment variables for the code under test and returns a function that restores the
 * previous values. The configuration cache is reset both ways.
 */
export function overrideEnv(values: Record<string, string | undefined>): () => void {
  const previous: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(values)) {
    previous[key] = process.env[key];
    if (value === undefined) {
      delete process.env[key];
    } else {
      process.env[key] = value;
    }
  }
  resetConfigCache();
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
    resetConfigCache();
  };
}

/** A BullMQ key prefix of its own, so parallel test files never share queues. */
export function uniqueQueuePrefix(): string {
  return `kcct${randomBytes(4).toString('hex')}`;
}

/** Polls until the assertion stops throwing, instead of sleeping a fixed time. */
export async function expectEventually(
  assertion: () => unknown,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await assertion();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw lastError;
}
