import { useCallback, useEffect, useState } from 'react';

/** Refetches on an interval while `active` (a publish in flight), so the screen follows the worker. */
export function useRefetchWhile(active: boolean, refetch: () => unknown, intervalMs = 1500): void {
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const timer = setInterval(() => {
      void refetch();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, refetch, intervalMs]);
}

/**
 * After asking the worker for something whose outcome shows on this screen (a comparison with
 * Kakao), refetches for a while so the result appears without a reload. Returns `start`.
 */
export function useRefetchFor(
  refetch: () => unknown,
  durationMs = 20_000,
  intervalMs = 1500,
): () => void {
  const [until, setUntil] = useState<number | null>(null);
  const tick = useCallback(() => {
    if (until !== null && Date.now() >= until) {
      setUntil(null);
      return;
    }
    void refetch();
  }, [until, refetch]);
  useRefetchWhile(until !== null, tick, intervalMs);
  return useCallback(() => setUntil(Date.now() + durationMs), [durationMs]);
}
