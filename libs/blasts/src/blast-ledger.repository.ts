import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { DeliveryState } from './blast.enums';

export interface ClaimedDelivery {
  id: string;
  recipientId: string;
  attempts: number;
}

/** What a send attempt came to, written back for a whole batch in one statement. */
export interface DeliveryOutcome {
  id: string;
  state: DeliveryState;
  kakaoCode: number | null;
  reason: string | null;
  sentAt: Date | null;
}

export type DeliveryCounts = Record<DeliveryState, number>;

/** TypeORM answers UPDATE/DELETE … RETURNING on Postgres as `[rows, affectedCount]`. */
function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}

/** About 40 s of retries: long enough for Postgres to restart. */
const OUTCOME_WRITE_ATTEMPTS = 10;

function emptyCounts(): DeliveryCounts {
  return Object.fromEntries(
    Object.values(DeliveryState).map((state) => [state, 0]),
  ) as DeliveryCounts;
}

/** Every ledger query: batched writes, atomic claims, counts. Raw SQL where it matters for speed. */
@Injectable()
export class BlastLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes one page of the audience into the ledger in one statement, `batchSize` rows per batch
   * numbered from `firstBatchNo`. Rows already there (a fan-out resumed after a crash) are left
   * alone; `skipped` rows are written as skipped with their reason.
   */
  async insertPage(
    manager: EntityManager,
    runId: string,
    firstBatchNo: number,
    batchSize: number,
    recipientIds: string[],
    skipped: Map<string, string>,
  ): Promise<void> {
    if (recipientIds.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO blast_deliveries (run_id, recipient_id, batch_no, state, reason)
       SELECT $1, r.id, $2 + (r.n - 1) / $3, r.state, r.reason
       FROM unnest($4::uuid[], $5::varchar[], $6::text[]) WITH ORDINALITY AS r(id, state, reason, n)
       ON CONFLICT (run_id, recipient_id) DO NOTHING`,
      [
        runId,
        firstBatchNo,
        batchSize,
        recipientIds,
        recipientIds.map((id) => (skipped.has(id) ? DeliveryState.Skipped : DeliveryState.Pending)),
        recipientIds.map((id) => skipped.get(id) ?? null),
      ],
    );
  }

  /**
   * Rows of the batch left `sending` by an attempt that died during its calls: Kakao has no
   * idempotency key, so they become `unknown` and are never resent automatically.
   */
  async markOrphansUnknown(runId: string, batchNo: number): Promise<number> {
    const rows = returnedRows(
      await this.dataSource.query(
        `UPDATE blast_deliveries
         SET state = 'unknown', reason = 'worker stopped during the call; not resent automatically', updated_at = now()
         WHERE run_id = $1 AND batch_no = $2 AND state = 'sending'
         RETURNING id`,
        [runId, batchNo],
      ),
    );
    return rows.length;
  }

  async pendingOf(runId: string, batchNo: number): Promise<ClaimedDelivery[]> {
    const rows: { id: string; recipient_id: string; attempts: number }[] =
      await this.dataSource.query(
        `SELECT id, recipient_id, attempts FROM blast_deliveries
       WHERE run_id = $1 AND batch_no = $2 AND state = 'pending' ORDER BY id`,
        [runId, batchNo],
      );
    return rows.map((row) => ({
      id: String(row.id),
      recipientId: row.recipient_id,
      attempts: row.attempts,
    }));
  }

  /** Atomically moves pending rows to `sending` right before their calls; answers those it got. */
  async claimRows(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE blast_deliveries SET state = 'sending', attempts = attempts + 1, updated_at = now()
         WHERE id = ANY($1::bigint[]) AND state = 'pending' RETURNING id`,
        [ids],
      ),
    );
    return new Set(rows.map((row) => String(row.id)));
  }

  /**
   * One UPDATE for a chunk of outcomes (a write per delivery would cap throughput), of rows still
   * in `from`. The results are known only here, so a failing write (Postgres restarting) is
   * retried for a while before giving up.
   */
  async writeOutcomes(outcomes: DeliveryOutcome[], from: DeliveryState): Promise<void> {
    if (outcomes.length === 0) {
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.updateOutcomes(outcomes, from);
        return;
      } catch (error) {
        if (attempt >= OUTCOME_WRITE_ATTEMPTS) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * 2 ** attempt)));
      }
    }
  }

  private async updateOutcomes(outcomes: DeliveryOutcome[], from: DeliveryState): Promise<void> {
    await this.dataSource.query(
      `UPDATE blast_deliveries AS d
       SET state = o.state, kakao_code = o.code, reason = o.reason, sent_at = o.sent_at, updated_at = now()
       FROM unnest($1::bigint[], $2::varchar[], $3::int[], $4::text[], $5::timestamptz[])
         AS o(id, state, code, reason, sent_at)
       WHERE d.id = o.id AND d.state = $6`,
      [
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.state),
        outcomes.map((o) => o.kakaoCode),
        outcomes.map((o) => o.reason),
        outcomes.map((o) => o.sentAt),
        from,
      ],
    );
  }

  async counts(runId: string): Promise<DeliveryCounts> {
    const rows: { state: DeliveryState; count: string }[] = await this.dataSource.query(
      `SELECT state, count(*) AS count FROM blast_deliveries WHERE run_id = $1 GROUP BY state`,
      [runId],
    );
    const counts = emptyCounts();
    for (const row of rows) {
      counts[row.state] = Number(row.count);
    }
    return counts;
  }

  /** Deliveries sent in the last `seconds`, for the current rate. */
  async sentSince(runId: string, since: Date): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) AS count FROM blast_deliveries WHERE run_id = $1 AND state = 'sent' AND sent_at >= $2`,
      [runId, since],
    );
    return Number(row?.count ?? 0);
  }

  /** Batches that still have work: their jobs are (re)queued by the reconciler. */
  async openBatches(runId: string): Promise<number[]> {
    const rows: { batch_no: number }[] = await this.dataSource.query(
      `SELECT DISTINCT batch_no FROM blast_deliveries WHERE run_id = $1 AND state IN ('pending', 'sending') ORDER BY batch_no`,
      [runId],
    );
    return rows.map((row) => row.batch_no);
  }

  /** Recipients that already got `cap` calendar messages in the 7 days before `at`. */
  async cappedRecipients(recipientIds: string[], cap: number, at: Date): Promise<Set<string>> {
    if (recipientIds.length === 0) {
      return new Set();
    }
    const rows: { recipient_id: string }[] = await this.dataSource.query(
      `SELECT recipient_id FROM blast_deliveries
       WHERE recipient_id = ANY($1::uuid[]) AND state = 'sent' AND sent_at > $2::timestamptz - interval '7 days'
       GROUP BY recipient_id HAVING count(*) >= $3`,
      [recipientIds, at, cap],
    );
    return new Set(rows.map((row) => row.recipient_id));
  }

  /** Recipients an earlier run of the blast reached. */
  async reachedByBlast(
    blastId: string,
    beforeRunId: string,
    recipientIds: string[],
  ): Promise<Set<string>> {
    if (recipientIds.length === 0) {
      return new Set();
    }
    const rows: { recipient_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT d.recipient_id FROM blast_deliveries d JOIN blast_runs r ON r.id = d.run_id
       WHERE r.blast_id = $1 AND r.id <> $2 AND d.state = 'sent' AND d.recipient_id = ANY($3::uuid[])`,
      [blastId, beforeRunId, recipientIds],
    );
    return new Set(rows.map((row) => row.recipient_id));
  }

  /** Cancelling: what has not been sent yet will not be. */
  async skipPending(runId: string, reason: string): Promise<number> {
    const rows = returnedRows(
      await this.dataSource.query(
        `UPDATE blast_deliveries SET state = 'skipped', reason = $2, updated_at = now()
       WHERE run_id = $1 AND state = 'pending' RETURNING id`,
        [runId, reason],
      ),
    );
    return rows.length;
  }

  /** A person chose to resend: unknown or failed rows go back to pending. */
  async requeue(runId: string, states: DeliveryState[], ids?: string[]): Promise<number> {
    const rows = returnedRows(
      await this.dataSource.query(
        `UPDATE blast_deliveries SET state = 'pending', reason = NULL, kakao_code = NULL, updated_at = now()
       WHERE run_id = $1 AND state = ANY($2::varchar[]) AND ($3::bigint[] IS NULL OR id = ANY($3::bigint[]))
       RETURNING id`,
        [runId, states, ids ?? null],
      ),
    );
    return rows.length;
  }
}
