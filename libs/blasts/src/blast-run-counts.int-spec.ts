import { Client } from 'pg';

import { createTestDatabase, type TestDatabase } from '@app/testing';

// The progress counters kept by the ledger's triggers (migration BlastLedgerCountsAndOpenIndex),
// checked against a count of the ledger itself on real Postgres.

let database: TestDatabase;
let db: Client;
let runId: string;

async function counted(): Promise<Record<string, number>> {
  const { rows } = await db.query<{ state: string; count: string }>(
    `SELECT state, sum(count) AS count FROM blast_run_counts WHERE run_id = $1 GROUP BY state HAVING sum(count) <> 0`,
    [runId],
  );
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}

async function ledger(): Promise<Record<string, number>> {
  const { rows } = await db.query<{ state: string; count: string }>(
    `SELECT state, count(*) AS count FROM blast_deliveries WHERE run_id = $1 GROUP BY state`,
    [runId],
  );
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = new Client({ connectionString: database.url });
  await db.connect();
  const channel = await db.query<{ id: string }>(
    `INSERT INTO channels (name, channel_public_id, version) VALUES ('Counts', '_counts', 1) RETURNING id`,
  );
  const channelId = channel.rows[0].id;
  const blast = await db.query<{ id: string }>(
    `INSERT INTO blasts (channel_id, name, message, kakao_target_id, audience_id, schedule, rate_per_second, version)
     VALUES ($1, 'Counts', '{}', 'event-1', gen_random_uuid(), '{}', 10, 1) RETURNING id`,
    [channelId],
  );
  const run = await db.query<{ id: string }>(
    `INSERT INTO blast_runs (blast_id, channel_id, scheduled_at, state) VALUES ($1, $2, now(), 'sending') RETURNING id`,
    [blast.rows[0].id, channelId],
  );
  runId = run.rows[0].id;
});

afterAll(async () => {
  await db?.end();
  await database?.drop();
});

describe('blast run counters', () => {
  it('follow inserts and every state change, in step with the ledger', async () => {
    await db.query(
      `INSERT INTO blast_deliveries (run_id, recipient_id, batch_no, state)
       SELECT $1, gen_random_uuid(), 1 + (n - 1) / 100, CASE WHEN n % 10 = 0 THEN 'skipped' ELSE 'pending' END
       FROM generate_series(1, 1000) AS n`,
      [runId],
    );
    expect(await counted()).toEqual({ pending: 900, skipped: 100 });

    await db.query(
      `UPDATE blast_deliveries SET state = 'sending' WHERE run_id = $1 AND batch_no <= 3 AND state = 'pending'`,
      [runId],
    );
    await db.query(
      `UPDATE blast_deliveries SET state = CASE WHEN id % 7 = 0 THEN 'failed' ELSE 'sent' END
       WHERE run_id = $1 AND state = 'sending'`,
      [runId],
    );
    // An update that changes no state moves no counter.
    await db.query(`UPDATE blast_deliveries SET attempts = attempts + 1 WHERE run_id = $1`, [
      runId,
    ]);
    expect(await counted()).toEqual(await ledger());
    expect((await counted()).pending).toBe(630);
  });

  it('stay exact under concurrent batches (no lost update, no deadlock)', async () => {
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        return client;
      }),
    );
    try {
      await Promise.all(
        clients.map(async (client, index) => {
          for (let batch = 4 + index; batch <= 10; batch += clients.length) {
            for (const [from, to] of [
              ['pending', 'sending'],
              ['sending', 'sent'],
            ]) {
              await client.query(
                `UPDATE blast_deliveries SET state = $3 WHERE run_id = $1 AND batch_no = $2 AND state = $4`,
                [runId, batch, to, from],
              );
            }
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    expect(await counted()).toEqual(await ledger());
    expect((await counted()).pending).toBeUndefined();
  });

  it('go with their run', async () => {
    await db.query(`DELETE FROM blast_runs WHERE id = $1`, [runId]);
    expect(await counted()).toEqual({});
  });
});
