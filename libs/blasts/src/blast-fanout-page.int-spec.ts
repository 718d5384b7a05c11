import { DataSource } from 'typeorm';

import { type MembershipSql } from '@app/audiences';
import { createTestDatabase, type TestDatabase } from '@app/testing';

import { BlastLedgerRepository } from './blast-ledger.repository';

// The fan-out's page statement on real Postgres: keyset pages, batch numbers, the two skip
// reasons, and a page written again after a crash (nothing twice).

let database: TestDatabase;
let dataSource: DataSource;
let ledger: BlastLedgerRepository;
let channelId: string;
let blastId: string;
let recipientIds: string[];

const everyone: MembershipSql = () => 'TRUE';
const taggedVip: MembershipSql = (params) => `${params.add('vip', 'text')} = ANY(r.tags)`;

async function newRun(): Promise<string> {
  const [run] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO blast_runs (blast_id, channel_id, scheduled_at, state)
     VALUES ($1, $2, now() + random() * interval '1 day', 'sending') RETURNING id`,
    [blastId, channelId],
  );
  return run.id;
}

async function ledgerOf(runId: string) {
  return dataSource.query<
    { recipient_id: string; batch_no: number; state: string; reason: string | null }[]
  >(
    `SELECT recipient_id, batch_no, state, reason FROM blast_deliveries WHERE run_id = $1 ORDER BY recipient_id`,
    [runId],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = new DataSource({ type: 'postgres', url: database.url });
  await dataSource.initialize();
  ledger = new BlastLedgerRepository(dataSource);
  const [channel] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO channels (name, channel_public_id, version) VALUES ('Fan-out', '_fanout', 1) RETURNING id`,
  );
  channelId = channel.id;
  const rows = await dataSource.query<{ id: string; consent_state: string }[]>(
    `INSERT INTO recipients (channel_id, kakao_user_id, source, opted_in_at, version, tags, consent_state)
     SELECT $1, n::text, 'api', now(), 1,
            CASE WHEN n % 2 = 0 THEN ARRAY['vip'] ELSE ARRAY[]::text[] END,
            CASE WHEN n = 7 THEN 'revoked' ELSE 'active' END
       FROM generate_series(1, 25) AS n
     RETURNING id, consent_state`,
    [channelId],
  );
  // Active ones only: the revoked one is never in a page.
  recipientIds = rows
    .filter((row) => row.consent_state === 'active')
    .map((row) => row.id)
    .sort();
  const [blast] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO blasts (channel_id, name, message, kakao_target_id, audience_id, schedule, rate_per_second, version)
     VALUES ($1, 'Fan-out', '{}', 'event-1', gen_random_uuid(), '{}', 10, 1) RETURNING id`,
    [channelId],
  );
  blastId = blast.id;
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

function page(runId: string, after: string | null, firstBatchNo = 1) {
  return {
    runId,
    channelId,
    membership: everyone,
    after,
    limit: 10,
    firstBatchNo,
    batchSize: 4,
    frequencyCap: null,
    notReachedBefore: null,
  };
}

describe('fan-out page', () => {
  it('walks active members by id in pages, numbering batches from the first given', async () => {
    const runId = await newRun();
    const first = await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, page(runId, null)),
    );
    expect(first.count).toBe(10);
    const second = await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, page(runId, first.last, 4)),
    );
    const third = await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, page(runId, second.last, 7)),
    );
    const end = await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, page(runId, third.last, 10)),
    );
    expect([second.count, third.count, end]).toEqual([10, 4, { count: 0, last: null }]);

    const rows = await ledgerOf(runId);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['pending']));
    // 4 per batch within a page: 1,1,1,1,2,2,2,2,3,3 then 4,… from the next page's first number.
    const batches = rows.map((row) => row.batch_no);
    expect(batches.filter((batch) => batch === 1)).toHaveLength(4);
    expect(batches.filter((batch) => batch === 3)).toHaveLength(2);
    expect(Math.max(...batches)).toBe(7);
  });

  it('writes a page again after a crash without writing anyone twice', async () => {
    const runId = await newRun();
    await dataSource.transaction((m) => ledger.insertAudiencePage(m, page(runId, null)));
    const again = await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, page(runId, null)),
    );
    expect(again.count).toBe(10);
    expect(await ledgerOf(runId)).toHaveLength(10);
  });

  it('takes the audience predicate with its own parameters', async () => {
    const runId = await newRun();
    const written = await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, { ...page(runId, null), membership: taggedVip, limit: 100 }),
    );
    expect(written.count).toBe(12);
  });

  it('writes those over the frequency cap or already reached as skipped, with the reason', async () => {
    const earlier = await newRun();
    await dataSource.query(
      `INSERT INTO blast_deliveries (run_id, recipient_id, batch_no, state, sent_at)
       VALUES ($1, $2, 1, 'sent', now() - interval '1 day'), ($1, $3, 1, 'sent', now() - interval '9 days')`,
      [earlier, recipientIds[0], recipientIds[1]],
    );
    const runId = await newRun();
    await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, {
        ...page(runId, null),
        limit: 100,
        frequencyCap: {
          cap: 1,
          since: new Date(Date.now() - 7 * 24 * 3600 * 1000),
          reason: 'over the cap',
        },
      }),
    );
    const capped = (await ledgerOf(runId)).filter((row) => row.state === 'skipped');
    expect(capped).toEqual([
      {
        recipient_id: recipientIds[0],
        batch_no: expect.any(Number),
        state: 'skipped',
        reason: 'over the cap',
      },
    ]);

    const recurring = await newRun();
    await dataSource.transaction((m) =>
      ledger.insertAudiencePage(m, {
        ...page(recurring, null),
        limit: 100,
        notReachedBefore: { blastId, reason: 'reached before' },
      }),
    );
    const reached = (await ledgerOf(recurring)).filter((row) => row.state === 'skipped');
    expect(reached.map((row) => [row.recipient_id, row.reason]).sort()).toEqual(
      [
        [recipientIds[0], 'reached before'],
        [recipientIds[1], 'reached before'],
      ].sort(),
    );
  });
});
