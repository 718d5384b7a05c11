import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  METRIC_COLUMNS,
  REACH_METRICS,
  type ReachTotals,
  sumColumns,
  totalsOf,
} from './reach-metrics';

/** A rollup scope: the whole channel, or one campaign, blast or audience of it. */
export type ReachScope =
  { kind: 'channel' } | { kind: 'campaign' | 'blast' | 'audience'; id: string };

export interface ReachEventInput {
  channelId: string;
  deliveryId: string;
  recipientId: string;
  blastId: string;
  campaignId: string | null;
  audienceId: string;
  kind: 'click' | 'follow' | 'subscribe';
  link: string | null;
}

export interface EstimateRow {
  id: string;
  kind: 'follow' | 'subscribe';
  sampleSize: number;
  population: number;
  hits: number;
  rate: number;
  ciLow: number;
  ciHigh: number;
  finishedAt: Date;
}

export interface RankedScope extends ReachTotals {
  id: string;
  name: string | null;
}

const FOLD_LOCK = 0x6b63_7266; // "kcrf": one fold at a time, across workers

/** Hour buckets in absolute time, as the triggers bucket them. */
const HOUR = (column: string) =>
  `date_bin('1 hour', ${column}, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;

/**
 * A channel's deltas recounted from the records, bucketed exactly as the triggers of the reach
 * migration bucket each change; `$1` is the channel.
 */
const RECOUNTS = [
  `INSERT INTO reach_deltas (channel_id, campaign_id, blast_id, audience_id, hour, delivered, failed)
   SELECT r.channel_id, (b.message->>'campaignId')::uuid, b.id, b.audience_id, c.hour,
          sum(c.delivered), sum(c.failed)
   FROM (
     SELECT run_id, ${HOUR('COALESCE(sent_at, updated_at)')} AS hour, 1 AS delivered, 0 AS failed
     FROM blast_deliveries WHERE state = 'sent'
       AND run_id IN (SELECT id FROM blast_runs WHERE channel_id = $1)
     UNION ALL
     SELECT run_id, ${HOUR('updated_at')}, 0, 1
     FROM blast_deliveries WHERE state = 'failed'
       AND run_id IN (SELECT id FROM blast_runs WHERE channel_id = $1)
   ) AS c
   JOIN blast_runs r ON r.id = c.run_id
   JOIN blasts b ON b.id = r.blast_id
   GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO reach_deltas (channel_id, campaign_id, blast_id, audience_id, hour,
                             clicks, unique_clicks, follows, subscribes)
   SELECT channel_id, campaign_id, blast_id, audience_id, ${HOUR('occurred_at')},
          count(*) FILTER (WHERE kind = 'click'),
          count(*) FILTER (WHERE kind = 'click' AND first),
          count(*) FILTER (WHERE kind = 'follow' AND first),
          count(*) FILTER (WHERE kind = 'subscribe' AND first)
   FROM reach_events WHERE channel_id = $1
   GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO reach_deltas (channel_id, hour, friends_added, friends_blocked)
   SELECT channel_id, ${HOUR('changed_at')},
          count(*) FILTER (WHERE to_relation = 'ADDED'),
          count(*) FILTER (WHERE to_relation = 'BLOCKED')
   FROM recipient_relation_changes
   WHERE channel_id = $1 AND to_relation IN ('ADDED', 'BLOCKED')
   GROUP BY 1, 2`,
];

/** Every reach query: event rows, the fold of deltas into rollups, and rollup reads. */
@Injectable()
export class ReachRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a click, follow or subscription. The first of its kind for a delivery is marked
   * `first` (unique index), so repeated clicks count as clicks but once as a clicker. Answers
   * whether this one was the first.
   */
  async recordEvent(event: ReachEventInput): Promise<boolean> {
    const values = [
      event.channelId,
      event.deliveryId,
      event.recipientId,
      event.blastId,
      event.campaignId,
      event.audienceId,
      event.kind,
      event.link,
    ];
    const insert = (first: boolean, conflict: string) =>
      this.dataSource.query<{ id: string }[]>(
        `INSERT INTO reach_events (channel_id, delivery_id, recipient_id, blast_id, campaign_id, audience_id, kind, link, first)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${first}) ${conflict} RETURNING id`,
        values,
      );
    const firstRows = await insert(true, 'ON CONFLICT (delivery_id, kind) WHERE first DO NOTHING');
    if (firstRows.length > 0) {
      return true;
    }
    // Follows and subscriptions count once; every further click is still a click.
    if (event.kind === 'click') {
      await insert(false, '');
    }
    return false;
  }

  /**
   * Moves every delta into the hourly rollups of its channel, campaign, blast and audience in one
   * transaction; answers how many deltas were folded. Concurrent folds skip (advisory lock).
   */
  async fold(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock($1) AS locked`,
        [FOLD_LOCK],
      );
      return locked ? this.foldIn(manager) : 0;
    });
  }

  /**
   * Recounts a channel's rollups from what they summarise (ledger, reach events, relation changes),
   * replacing whatever they held: for records written or moved outside the triggers' view (data
   * repairs, backfills, the demo history). Runs under the fold lock in one repeatable-read
   * snapshot, so a change committed meanwhile is counted once, by its own delta.
   */
  async rebuild(channelId: string): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock($1)`, [FOLD_LOCK]);
      try {
        await runner.startTransaction('REPEATABLE READ');
        try {
          await runner.query(`DELETE FROM reach_hourly WHERE channel_id = $1`, [channelId]);
          await runner.query(`DELETE FROM reach_deltas WHERE channel_id = $1`, [channelId]);
          for (const recount of RECOUNTS) {
            await runner.query(recount, [channelId]);
          }
          const folded = await this.foldIn(runner.manager);
          await runner.commitTransaction();
          return folded;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [FOLD_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async foldIn(manager: EntityManager): Promise<number> {
    const columns = REACH_METRICS.map((metric) => `"${METRIC_COLUMNS[metric]}"`);
    const sums = columns.map((column) => `sum(${column}) AS ${column}`).join(', ');
    const scopes = [
      ['channel', 'channel_id'],
      ['campaign', 'campaign_id'],
      ['blast', 'blast_id'],
      ['audience', 'audience_id'],
    ]
      .map(
        ([scope, column]) =>
          `SELECT '${scope}' AS scope, ${column} AS scope_id, channel_id, hour, ${sums}
           FROM moved WHERE ${column} IS NOT NULL GROUP BY ${column}, channel_id, hour`,
      )
      .join('\nUNION ALL\n');
    const [{ folded }] = await manager.query<{ folded: string }[]>(
      `WITH moved AS (DELETE FROM reach_deltas RETURNING *),
       upserted AS (
         INSERT INTO reach_hourly (scope, scope_id, channel_id, hour, ${columns.join(', ')})
         SELECT * FROM (${scopes}) AS s ORDER BY scope, scope_id, hour
         ON CONFLICT (scope, scope_id, hour) DO UPDATE SET
           ${columns.map((column) => `${column} = reach_hourly.${column} + EXCLUDED.${column}`).join(', ')}
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM moved) AS folded, (SELECT count(*) FROM upserted) AS rows`,
    );
    return Number(folded);
  }

  /** The rows of one scope; `$1` is the channel, the scope id (if any) is `$<next>`. */
  private scopeCondition(scope: ReachScope, next: number): { sql: string; params: unknown[] } {
    return scope.kind === 'channel'
      ? { sql: `scope = 'channel' AND scope_id = $1`, params: [] }
      : {
          sql: `scope = '${scope.kind}' AND scope_id = $${next} AND channel_id = $1`,
          params: [scope.id],
        };
  }

  async totals(channelId: string, scope: ReachScope, from: Date, to: Date): Promise<ReachTotals> {
    const condition = this.scopeCondition(scope, 4);
    const rows = await this.dataSource.query<Record<string, string>[]>(
      `SELECT ${sumColumns()} FROM reach_hourly
       WHERE ${condition.sql} AND hour >= $2 AND hour < $3`,
      [channelId, from, to, ...condition.params],
    );
    return totalsOf(rows[0]);
  }

  /** Buckets of `granularity` (days in `timeZone`) that have data, oldest first. */
  async series(
    channelId: string,
    scope: ReachScope,
    from: Date,
    to: Date,
    granularity: 'hour' | 'day',
    timeZone: string,
  ): Promise<(ReachTotals & { start: Date })[]> {
    const params: unknown[] = [channelId, from, to];
    let bucket = 'hour';
    if (granularity === 'day') {
      params.push(timeZone);
      bucket = `(date_trunc('day', hour AT TIME ZONE $4) AT TIME ZONE $4)`;
    }
    const condition = this.scopeCondition(scope, params.length + 1);
    params.push(...condition.params);
    const rows = await this.dataSource.query<(Record<string, string> & { start: Date })[]>(
      `SELECT ${bucket} AS start, ${sumColumns()} FROM reach_hourly
       WHERE ${condition.sql} AND hour >= $2 AND hour < $3
       GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((row) => ({ start: new Date(row.start), ...totalsOf(row) }));
  }

  /** The channel's campaigns or audiences with the most deliveries in the period. */
  async top(
    channelId: string,
    kind: 'campaign' | 'audience',
    from: Date,
    to: Date,
    limit: number,
  ): Promise<RankedScope[]> {
    const table = kind === 'campaign' ? 'campaigns' : 'audiences';
    const rows = await this.dataSource.query<
      (Record<string, string> & { id: string; name: string | null })[]
    >(
      `SELECT t.scope_id AS id, n.name, t.*
       FROM (
         SELECT scope_id, ${sumColumns()} FROM reach_hourly
         WHERE channel_id = $1 AND scope = $2 AND hour >= $3 AND hour < $4
         GROUP BY scope_id
       ) AS t
       LEFT JOIN ${table} n ON n.id = t.scope_id
       ORDER BY t."delivered" DESC, t.scope_id
       LIMIT $5`,
      [channelId, kind, from, to, limit],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, ...totalsOf(row) }));
  }

  /**
   * One campaign's figures per audience, from the per-blast rollups (a blast sends one campaign
   * to one audience), most deliveries first.
   */
  async audiencesOfCampaign(
    channelId: string,
    campaignId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<RankedScope[]> {
    const rows = await this.dataSource.query<
      (Record<string, string> & { id: string; name: string | null })[]
    >(
      `SELECT t.audience_id AS id, n.name, t.*
       FROM (
         SELECT b.audience_id, ${sumColumns('h')}
         FROM reach_hourly h
         JOIN blasts b ON b.id = h.scope_id
         WHERE h.channel_id = $1 AND h.scope = 'blast' AND h.hour >= $3 AND h.hour < $4
           AND b.message->>'campaignId' = $2 AND b.audience_id IS NOT NULL
         GROUP BY b.audience_id
       ) AS t
       LEFT JOIN audiences n ON n.id = t.audience_id
       ORDER BY t."delivered" DESC, t.audience_id
       LIMIT $5`,
      [channelId, campaignId, from, to, limit],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, ...totalsOf(row) }));
  }

  /** The newest finished estimate of each kind for a campaign. */
  async latestEstimates(channelId: string, campaignId: string): Promise<EstimateRow[]> {
    return this.dataSource.query<EstimateRow[]>(
      `SELECT DISTINCT ON (kind) id, kind, sample_size AS "sampleSize", population, hits, rate,
              ci_low AS "ciLow", ci_high AS "ciHigh", finished_at AS "finishedAt"
       FROM reach_estimates
       WHERE channel_id = $1 AND campaign_id = $2 AND state = 'done'
       ORDER BY kind, finished_at DESC`,
      [channelId, campaignId],
    );
  }

  /** Deltas not yet folded (the dashboard says how fresh it is). */
  async pendingDeltas(): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM reach_deltas`,
    );
    return Number(row?.count ?? 0);
  }
}
