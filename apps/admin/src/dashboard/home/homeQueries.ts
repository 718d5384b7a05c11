import { type ApprovalEntry } from '@admin/campaigns/types';

/** How many rows each home list shows; the headline counts every match (the list's total). */
export const HOME_ROWS = 8;

/** The comment of the newest rejection, which is the reason the campaign came back. */
export function rejectionReason(entries: readonly ApprovalEntry[]): string | null {
  const rejected = entries
    .filter((entry) => entry.decision === 'rejected')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.revision - a.revision);
  return rejected[0]?.comment ?? null;
}

/** The next run a scheduled blast waits for: its earliest run still pending. */
export function nextPendingRun<T extends { state: string; scheduledAt: string }>(
  runs: readonly T[],
): T | undefined {
  return runs
    .filter((run) => run.state === 'pending')
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
}
