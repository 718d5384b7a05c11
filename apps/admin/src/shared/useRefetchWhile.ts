import { useEffect } from 'react';

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
