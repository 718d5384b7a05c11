import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** `$n` milliseconds as an interval. */
const BY = (param: string) => `(${param}::bigint * interval '1 millisecond')`;

/** Timestamp columns moved with a blast: each table, its columns and which rows belong to it. */
const BLAST_RECORDS: { table: string; columns: string[]; rows: string }[] = [
  { table: 'blasts', columns: ['created_at', 'updated_at'], rows: 'id = $1' },
  {
    table: 'blast_runs',
    columns: ['scheduled_at', 'resume_at', 'started_at', 'finished_at', 'created_at', 'updated_at'],
    rows: 'blast_id = $1',
  },
  {
    table: 'blast_deliveries',
    columns: ['sent_at', 'updated_at'],
    rows: 'run_id IN (SELECT id FROM blast_runs WHERE blast_id = $1)',
  },
  { table: 'reach_events', columns: ['occurred_at'], rows: 'blast_id = $1' },
];

/** ...and with the campaign it announced. */
const CAMPAIGN_RECORDS: { table: string; columns: string[]; rows: string }[] = [
  { table: 'campaigns', columns: ['created_at', 'updated_at', 'published_at'], rows: 'id = $1' },
  { table: 'campaign_revisions', columns: ['created_at'], rows: 'campaign_id = $1' },
  { table: 'campaign_approvals', columns: ['created_at'], rows: 'campaign_id = $1' },
  {
    table: 'campaign_outbox',
    columns: ['created_at', 'updated_at', 'processed_at'],
    rows: 'campaign_id = $1',
  },
];

/**
 * Moves the demo channel's records back in time. The demo history runs through the real code
 * paths today; this turns it into weeks of history. The audit log keeps the real times: it is
 * the record of what happened when. Reach rollups must be rebuilt afterwards.
 */
@Injectable()
export class DemoAgingService {
  constructor(private readonly dataSource: DataSource) {}

  /** Moves a blast, its runs, ledger and reach events, and its campaign, `byMs` earlier. */
  async moveBlastBack(blastId: string, campaignId: string, byMs: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const move = async (records: typeof BLAST_RECORDS, id: string) => {
        for (const { table, columns, rows } of records) {
          const sets = columns.map((column) => `${column} = ${column} - ${BY('$2')}`).join(', ');
          await manager.query(`UPDATE ${table} SET ${sets} WHERE ${rows}`, [id, byMs]);
        }
      };
      await move(BLAST_RECORDS, blastId);
      await move(CAMPAIGN_RECORDS, campaignId);
    });
  }

  /**
   * Recipients joined before the oldest blast (spread over the days before it), last delivery as
   * in the ledger, and channel relation changes spread over the weeks of the history.
   */
  async settleRecipients(channelId: string, historyDays: number): Promise<void> {
    const days = (param: string) => `(${param}::int * interval '1 day')`;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE recipients
         SET opted_in_at = now() - ${days('$2')} - random() * interval '14 days',
             created_at = LEAST(created_at, now() - ${days('$2')})
         WHERE channel_id = $1`,
        [channelId, historyDays + 1],
      );
      await manager.query(
        `UPDATE recipients r SET last_delivered_at = d.last
         FROM (
           SELECT d.recipient_id, max(d.sent_at) AS last
           FROM blast_deliveries d JOIN blast_runs b ON b.id = d.run_id
           WHERE b.channel_id = $1 AND d.state = 'sent'
           GROUP BY d.recipient_id
         ) AS d
         WHERE r.id = d.recipient_id`,
        [channelId],
      );
      await manager.query(
        `UPDATE recipient_relation_changes
         SET changed_at = changed_at - random() * ${days('$2')}
         WHERE channel_id = $1`,
        [channelId, historyDays],
      );
    });
  }
}
