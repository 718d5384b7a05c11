import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { type MembershipSql, SqlParams } from '@app/audiences';

import { type BlastMessage } from './blast.entity';
import { DeliveryState, type RunState } from './blast.enums';

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

/** What a tracking link stands for: one recipient's delivery of one blast. */
export interface TrackedDelivery {
  deliveryId: string;
  recipientId: string;
  state: DeliveryState;
  channelId: string;
  blastId: string;
  audienceId: string;
  campaignId: string | null;
  /** The public event id (`idType` event) or subscribe calendar id (`calendar`). */
  kakaoTargetId: string;
  message: BlastMessage;
}

interface TrackedDeliveryRow {
  id: string;
  recipient_id: string;
  state: DeliveryState;
  channel_id: string;
  blast_id: string;
  audience_id: string;
  kakao_target_id: string;
  message: BlastMessage;
}

/** One delivery of a recipient, with the blast and run it belongs to. */
export interface RecipientDeliveryRow {
  id: string;
  runId: string;
  runScheduledAt: Date;
  runState: RunState;
  blastId: string;
  blastName: string;
  state: DeliveryState;
  attempts: number;
  kakaoCode: number | null;
  reason: string | null;
  sentAt: Date | null;
  updatedAt: Date;
}

export interface RecipientDeliveryQuery {
  /** Rows to skip and to return. */
  offset: number;
  limit: number;
  order: 'ASC' | 'DESC';
  /** Only these delivery states (all when left out). */
  states?: DeliveryState[];
}

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

/** Why a row is `unknown` after its worker stopped mid-call; a late answer may still settle it. */
export const ORPHAN_REASON = 'worker stopped during the call; not resent automatically';

/** About 40 s of retries: long enough for Postgres to restart. */
const OUTCOME_WRITE_ATTEMPTS = 10;

/**
 * Outcomes are known only in this process, so a failing write (Postgres restarting) is retried
 * for a while before giving up.
 */
async function retryingWrite<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= OUTCOME_WRITE_ATTEMPTS) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * 2 ** attempt)));
    }
  }
}

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
   * Writes the next page of the audience into the ledger in one statement, inside Postgres: the
   * members after `after` (keyset on the recipient id), numbered into batches from
   * `firstBatchNo`, those over the frequency cap or already reached by the blast written as
   * skipped with the reason. No id travels to the worker. Answers how many the page held and the
   * last recipient id (the next cursor); a page of 0 ends the fan-out.
   */
  async insertAudiencePage(
    manager: EntityManager,
    page: {
      runId: string;
      channelId: string;
      membership: MembershipSql;
      after: string | null;
      limit: number;
      firstBatchNo: number;
      batchSize: number;
      frequencyCap: { cap: number; since: Date; reason: string } | null;
      notReachedBefore: { blastId: string; reason: string } | null;
    },
  ): Promise<{ count: number; last: string | null }> {
    const fixed: unknown[] = [
      page.channelId,
      page.limit,
      page.runId,
      page.firstBatchNo,
      page.batchSize,
      page.frequencyCap?.cap ?? null,
      page.frequencyCap?.since ?? null,
      page.frequencyCap?.reason ?? null,
      page.notReachedBefore?.blastId ?? null,
      page.notReachedBefore?.reason ?? null,
    ];
    if (page.after !== null) {
      fixed.push(page.after);
    }
    const params = new SqlParams(fixed.length);
    const membership = page.membership(params);
    const [row] = await manager.query<{ count: number; last: string | null }[]>(
      `WITH page AS (
         SELECT r.id, row_number() OVER (ORDER BY r.id) AS n
           FROM recipients r
          WHERE r.channel_id = $1 AND r.consent_state = 'active'
            ${page.after === null ? '' : 'AND r.id > $11::uuid'}
            AND ${membership}
          ORDER BY r.id
          LIMIT $2
       ), marked AS (
         SELECT p.id, p.n,
                CASE
                  WHEN $6::int IS NOT NULL AND (
                    SELECT count(*) FROM blast_deliveries d
                     WHERE d.recipient_id = p.id AND d.state = 'sent' AND d.sent_at > $7::timestamptz
                  ) >= $6::int THEN $8::text
                  WHEN $9::uuid IS NOT NULL AND EXISTS (
                    SELECT 1 FROM blast_deliveries d JOIN blast_runs br ON br.id = d.run_id
                     WHERE br.blast_id = $9::uuid AND br.id <> $3::uuid
                       AND d.state = 'sent' AND d.recipient_id = p.id
                  ) THEN $10::text
                END AS reason
           FROM page p
       ), inserted AS (
         INSERT INTO blast_deliveries (run_id, recipient_id, batch_no, state, reason)
         SELECT $3::uuid, m.id, $4::int + (m.n - 1)::int / $5::int,
                CASE WHEN m.reason IS NULL THEN 'pending' ELSE 'skipped' END, m.reason
           FROM marked m
          ORDER BY m.n
         ON CONFLICT (run_id, recipient_id) DO NOTHING
       )
       SELECT (SELECT count(*)::int FROM page) AS count,
              (SELECT id FROM page ORDER BY n DESC LIMIT 1) AS last`,
      [...fixed, ...params.values],
    );
    return { count: row?.count ?? 0, last: row?.last ?? null };
  }

  /**
   * Rows of the batch left `sending` by an attempt that died during its calls: Kakao has no
   * idempotency key, so they become `unknown` and are never resent automatically.
   */
  async markOrphansUnknown(runId: string, batchNo: number): Promise<number> {
    const rows = returnedRows(
      await this.dataSource.query(
        `UPDATE blast_deliveries
         SET state = 'unknown', reason = $3, updated_at = now()
         WHERE run_id = $1 AND batch_no = $2 AND state = 'sending'
         RETURNING id`,
        [runId, batchNo, ORPHAN_REASON],
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

  /**
   * Atomically moves pending rows of a batch to `sending` right before their calls; answers those
   * it got. The run and batch lead the condition so that the plan is a lookup in the small index
   * of open rows even before the ledger has statistics.
   */
  async claimRows(runId: string, batchNo: number, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE blast_deliveries SET state = 'sending', attempts = attempts + 1, updated_at = now()
         WHERE run_id = $1 AND batch_no = $2 AND state = 'pending' AND id = ANY($3::bigint[])
         RETURNING id`,
        [runId, batchNo, ids],
      ),
    );
    return new Set(rows.map((row) => String(row.id)));
  }

  /**
   * One UPDATE for a chunk of outcomes (a write per delivery would cap throughput), of rows still
   * in `from`. The results are known only here, so a failing write (Postgres restarting) is
   * retried for a while before giving up. Answers the states of the rows it moved.
   */
  async writeOutcomes(outcomes: DeliveryOutcome[], from: DeliveryState): Promise<DeliveryState[]> {
    if (outcomes.length === 0) {
      return [];
    }
    return retryingWrite(async () => [
      ...(await this.moveRows(outcomes, 'd.state = $6', from)).values(),
    ]);
  }

  /**
   * Outcomes of calls that were made: rows still `sending`, or marked `unknown` meanwhile because
   * their batch was taken over while this worker was still waiting for the answer (the answer is
   * the truth). Answers each moved row's new state by id.
   */
  async writeSendOutcomes(outcomes: DeliveryOutcome[]): Promise<Map<string, DeliveryState>> {
    if (outcomes.length === 0) {
      return new Map();
    }
    return retryingWrite(() =>
      this.moveRows(
        outcomes,
        `(d.state = 'sending' OR (d.state = 'unknown' AND d.reason = $6))`,
        ORPHAN_REASON,
      ),
    );
  }

  /**
   * One UPDATE for a group of outcomes, of the rows that `condition` (over `d`, with `$6` bound to
   * `conditionValue`) still admits. Answers each moved row's new state by id.
   */
  private async moveRows(
    outcomes: DeliveryOutcome[],
    condition: string,
    conditionValue: string,
  ): Promise<Map<string, DeliveryState>> {
    const moved: { id: string; state: DeliveryState }[] = returnedRows(
      await this.dataSource.query(
        `UPDATE blast_deliveries AS d
         SET state = o.state, kakao_code = o.code, reason = o.reason, sent_at = o.sent_at, updated_at = now()
         FROM unnest($1::bigint[], $2::varchar[], $3::int[], $4::text[], $5::timestamptz[])
           AS o(id, state, code, reason, sent_at)
         WHERE d.id = o.id AND ${condition}
         RETURNING d.id::text AS id, d.state`,
        [
          outcomes.map((o) => o.id),
          outcomes.map((o) => o.state),
          outcomes.map((o) => o.kakaoCode),
          outcomes.map((o) => o.reason),
          outcomes.map((o) => o.sentAt),
          conditionValue,
        ],
      ),
    );
    return new Map(moved.map((row) => [row.id, row.state]));
  }

  /** Rows per state, from the counters the ledger's triggers keep (never a scan of the run). */
  /** With `manager`, read inside that transaction (no second connection while it holds locks). */
  async counts(runId: string, manager?: EntityManager): Promise<DeliveryCounts> {
    const rows: { state: DeliveryState; count: string }[] = await (
      manager ?? this.dataSource
    ).query(
      `SELECT state, sum(count) AS count FROM blast_run_counts WHERE run_id = $1 GROUP BY state`,
      [runId],
    );
    const counts = emptyCounts();
    for (const row of rows) {
      counts[row.state] = Number(row.count);
    }
    return counts;
  }

  /** Batches that still have work: their jobs are (re)queued by the reconciler. */
  async openBatches(runId: string): Promise<number[]> {
    const rows: { batch_no: number }[] = await this.dataSource.query(
      `SELECT DISTINCT batch_no FROM blast_deliveries WHERE run_id = $1 AND state IN ('pending', 'sending') ORDER BY batch_no`,
      [runId],
    );
    return rows.map((row) => row.batch_no);
  }

  /**
   * A recipient's deliveries in the channel (every run of every blast), by ledger id, with the
   * blast's name and the run's time and state; and how many there are in all.
   */
  async deliveriesOfRecipient(
    channelId: string,
    recipientId: string,
    query: RecipientDeliveryQuery,
  ): Promise<{ items: RecipientDeliveryRow[]; total: number }> {
    const where = `d.recipient_id = $1 AND r.channel_id = $2 AND ($3::varchar[] IS NULL OR d.state = ANY($3::varchar[]))`;
    const scope = [recipientId, channelId, query.states ?? null];
    const [rows, counted] = await Promise.all([
      this.dataSource.query<RecipientDeliveryRow[]>(
        `SELECT d.id::text AS id, d.run_id AS "runId", r.scheduled_at AS "runScheduledAt",
                r.state AS "runState", b.id AS "blastId", b.name AS "blastName", d.state,
                d.attempts, d.kakao_code AS "kakaoCode", d.reason, d.sent_at AS "sentAt",
                d.updated_at AS "updatedAt"
         FROM blast_deliveries d
         JOIN blast_runs r ON r.id = d.run_id
         JOIN blasts b ON b.id = r.blast_id
         WHERE ${where}
         ORDER BY d.id ${query.order === 'ASC' ? 'ASC' : 'DESC'}
         LIMIT $4 OFFSET $5`,
        [...scope, query.limit, query.offset],
      ),
      this.dataSource.query<{ count: string }[]>(
        `SELECT count(*) AS count FROM blast_deliveries d JOIN blast_runs r ON r.id = d.run_id
         WHERE ${where}`,
        scope,
      ),
    ]);
    return { items: rows, total: Number(counted[0]?.count ?? 0) };
  }

  /** A ledger row with its run and blast, for a tracking link's click and landing page. */
  async trackedDelivery(deliveryId: string): Promise<TrackedDelivery | undefined> {
    const rows = await this.dataSource.query<TrackedDeliveryRow[]>(
      `SELECT d.id::text AS id, d.recipient_id, d.state, r.channel_id, b.id AS blast_id,
              b.audience_id, b.kakao_target_id, b.message
       FROM blast_deliveries d
       JOIN blast_runs r ON r.id = d.run_id
       JOIN blasts b ON b.id = r.blast_id
       WHERE d.id = $1`,
      [deliveryId],
    );
    const row = rows[0];
    return row
      ? {
          deliveryId: row.id,
          recipientId: row.recipient_id,
          state: row.state,
          channelId: row.channel_id,
          blastId: row.blast_id,
          audienceId: row.audience_id,
          campaignId: row.message.campaignId ?? null,
          kakaoTargetId: row.kakao_target_id,
          message: row.message,
        }
      : undefined;
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
