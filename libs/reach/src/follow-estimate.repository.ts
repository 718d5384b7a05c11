import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type EstimateKind = 'follow' | 'subscribe';
export type EstimateState = 'queued' | 'running' | 'done' | 'failed';

export interface FollowEstimateRow {
  id: string;
  channelId: string;
  campaignId: string;
  kind: EstimateKind;
  state: EstimateState;
  quotaBudget: number;
  population: number | null;
  sampleSize: number | null;
  checked: number;
  hits: number;
  unreachable: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, channel_id AS "channelId", campaign_id AS "campaignId", kind, state,
  quota_budget AS "quotaBudget", population, sample_size AS "sampleSize", checked, hits,
  unreachable, rate, ci_low AS "ciLow", ci_high AS "ciHigh", error, requested_by AS "requestedBy",
  created_at AS "createdAt", finished_at AS "finishedAt"`;

/** Blasts of a campaign: its message names the campaign, or it points at the campaign's target. */
const RECIPIENTS_SENT = `
  SELECT DISTINCT d.recipient_id
  FROM blast_deliveries d
  JOIN blast_runs r ON r.id = d.run_id
  JOIN blasts b ON b.id = r.blast_id
  WHERE b.channel_id = $1 AND d.state = 'sent'
    AND (b.message->>'campaignId' = $2 OR ($3::text IS NOT NULL AND b.kakao_target_id = $3))`;

/** `reach_estimates` rows and the ledger reads the estimate job needs. */
@Injectable()
export class FollowEstimateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(input: {
    channelId: string;
    campaignId: string;
    kind: EstimateKind;
    quotaBudget: number;
    requestedBy: string | null;
  }): Promise<FollowEstimateRow> {
    const [row] = await this.dataSource.query<FollowEstimateRow[]>(
      `INSERT INTO reach_estimates (channel_id, campaign_id, kind, quota_budget, requested_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [input.channelId, input.campaignId, input.kind, input.quotaBudget, input.requestedBy],
    );
    return row;
  }

  async find(channelId: string, id: string): Promise<FollowEstimateRow | undefined> {
    const [row] = await this.dataSource.query<FollowEstimateRow[]>(
      `SELECT ${COLUMNS} FROM reach_estimates WHERE channel_id = $1 AND id = $2`,
      [channelId, id],
    );
    return row;
  }

  list(channelId: string, campaignId: string): Promise<FollowEstimateRow[]> {
    return this.dataSource.query<FollowEstimateRow[]>(
      `SELECT ${COLUMNS} FROM reach_estimates WHERE channel_id = $1 AND campaign_id = $2
       ORDER BY created_at DESC, id LIMIT 100`,
      [channelId, campaignId],
    );
  }

  /** Claims a queued (or interrupted running) estimate and resets its counters. */
  async start(channelId: string, id: string): Promise<FollowEstimateRow | undefined> {
    const [rows] = await this.dataSource.query<[FollowEstimateRow[], number]>(
      `UPDATE reach_estimates
       SET state = 'running', checked = 0, hits = 0, unreachable = 0, error = NULL
       WHERE channel_id = $1 AND id = $2 AND state IN ('queued', 'running')
       RETURNING ${COLUMNS}`,
      [channelId, id],
    );
    return rows[0];
  }

  async countPopulation(
    channelId: string,
    campaignId: string,
    targetId: string | null,
  ): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM (${RECIPIENTS_SENT}) s`,
      [channelId, campaignId, targetId],
    );
    return Number(row?.count ?? 0);
  }

  /** A simple random sample without replacement of the recipients the campaign reached. */
  async drawSample(
    channelId: string,
    campaignId: string,
    targetId: string | null,
    size: number,
  ): Promise<string[]> {
    const rows = await this.dataSource.query<{ recipient_id: string }[]>(
      `SELECT recipient_id FROM (${RECIPIENTS_SENT}) s ORDER BY random() LIMIT $4`,
      [channelId, campaignId, targetId, size],
    );
    return rows.map((row) => row.recipient_id);
  }

  async setSample(id: string, population: number, sampleSize: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE reach_estimates SET population = $2, sample_size = $3 WHERE id = $1`,
      [id, population, sampleSize],
    );
  }

  async progress(
    id: string,
    counts: { checked: number; hits: number; unreachable: number },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE reach_estimates SET checked = $2, hits = $3, unreachable = $4
       WHERE id = $1 AND state = 'running'`,
      [id, counts.checked, counts.hits, counts.unreachable],
    );
  }

  async finish(
    id: string,
    result: {
      checked: number;
      hits: number;
      unreachable: number;
      rate: number;
      ciLow: number;
      ciHigh: number;
    },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE reach_estimates
       SET state = 'done', checked = $2, hits = $3, unreachable = $4, rate = $5, ci_low = $6,
           ci_high = $7, finished_at = now()
       WHERE id = $1`,
      [
        id,
        result.checked,
        result.hits,
        result.unreachable,
        result.rate,
        result.ciLow,
        result.ciHigh,
      ],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reach_estimates SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [id, error.slice(0, 2000)],
    );
  }
}
