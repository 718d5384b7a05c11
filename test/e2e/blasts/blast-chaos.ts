import { DataSource } from 'typeorm';

import { type TestStack } from '@app/testing';

import { inboxCounts, type SandboxUser } from './blast-fixtures';

export interface ChaosRow {
  case: string;
  recipients: number;
  sent: number;
  failed: number;
  unknown: number;
  skipped: number;
  duplicates: number;
  silentlySkipped: number;
}

interface LedgerRow {
  recipient_kakao_user_id: string;
  state: string;
}

/**
 * Compares the sandbox inboxes with the ledger: nobody got the message twice, and nobody is
 * missing without the ledger saying why (only `unknown` rows may or may not have arrived).
 */
export async function auditRun(
  stack: TestStack,
  caseName: string,
  runId: string,
  users: SandboxUser[],
): Promise<ChaosRow> {
  const dataSource = stack.api.get(DataSource);
  const ledger: LedgerRow[] = await dataSource.query(
    `SELECT r.kakao_user_id AS recipient_kakao_user_id, d.state
     FROM blast_deliveries d JOIN recipients r ON r.id = d.recipient_id WHERE d.run_id = $1`,
    [runId],
  );
  const stateOf = new Map(ledger.map((row) => [row.recipient_kakao_user_id, row.state]));
  const inboxes = await inboxCounts(stack, users);
  let duplicates = 0;
  let silentlySkipped = 0;
  users.forEach((user, index) => {
    const received = inboxes[index] ?? 0;
    const state = stateOf.get(String(user.user_id));
    if (received > 1) {
      duplicates += 1;
    }
    // A recipient that got nothing must say why in the ledger; one marked sent must have it.
    if (state === undefined || state === 'pending' || state === 'sending') {
      silentlySkipped += 1;
    } else if (state === 'sent' && received !== 1) {
      silentlySkipped += 1;
    } else if ((state === 'failed' || state === 'skipped') && received !== 0) {
      duplicates += 1;
    }
  });
  const count = (state: string) => ledger.filter((row) => row.state === state).length;
  return {
    case: caseName,
    recipients: users.length,
    sent: count('sent'),
    failed: count('failed'),
    unknown: count('unknown'),
    skipped: count('skipped'),
    duplicates,
    silentlySkipped,
  };
}
