// Reach read latency at scale: a fresh migrated database holding BENCH_LEDGER_ROWS ledger rows
// (default 10,000,000) over BENCH_CAMPAIGNS campaigns (default 1,000) and 90 days, with clicks and
// follows, rolled up, then GET /api/reach/summary and /timeseries over HTTP against the real API in
// this process. Run with `npm run bench:reach`.
//
// How the rollups are made (BENCH_LOAD):
// - `rebuild` (default): the ledger is written in its final state and the rollups are recounted by
//   the API's own rebuild (`POST /api/reach/rebuild`), which is how a backfill is rolled up. It
//   loads 10M rows in minutes.
// - `workers`: rows are written pending and sent by the same UPDATE the send workers run, so the
//   triggers write the deltas and the fold job rolls them up (about 10,000 rows/s here: use it
//   with a few million rows).
//
// Environment: BENCH_LEDGER_ROWS, BENCH_CAMPAIGNS, BENCH_LOAD, BENCH_REQUESTS (per query, default
// 200), BENCH_CONCURRENCY (default 4), BENCH_KEEP_DB=1 keeps the database.

import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { Client } from 'pg';
import { Agent, request } from 'undici';

import { Role, UsersService } from '@app/accounts';
import { ChannelsService } from '@app/channels';
import { getConfig, loadConfig, resetConfigCache } from '@app/config';
import { dropDatabase, ensureDatabase, runMigrations, withDatabase } from '@app/database';
import { ALL_MIGRATIONS } from '@app/migrations';
import { ReachService } from '@app/reach';

import { createApiApp } from '@apps/api';

import {
  type LatencyResult,
  machine,
  measureLatency,
  positiveInt,
  printLatencyTable,
} from './lib/latency';

const LEDGER_ROWS = positiveInt(process.env.BENCH_LEDGER_ROWS, 10_000_000);
const CAMPAIGNS = positiveInt(process.env.BENCH_CAMPAIGNS, 1_000);
const REQUESTS = positiveInt(process.env.BENCH_REQUESTS, 200);
const CONCURRENCY = positiveInt(process.env.BENCH_CONCURRENCY, 4);
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const LOAD_MODE = process.env.BENCH_LOAD === 'workers' ? 'workers' : 'rebuild';
const PASSWORD = 'bench-password-1';
const DAYS = 90;
/** Ledger rows written and sent per statement, as big as a fan-out page times twenty. */
const CHUNK = 100_000;

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * One campaign, blast and run per campaign, the runs spread over the last 90 days; ledger rows
 * spread evenly over the runs, inserted pending and then sent by the workers' kind of UPDATE
 * (one in 50 fails) within three hours of the run's start.
 */
async function load(db: Client, channelId: string): Promise<{ campaignIds: string[] }> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO campaigns (channel_id, name, title, starts_at, ends_at, content, version, sync_state, kakao_event_id)
     SELECT $1, 'Campaign ' || n, 'Campaign ' || n, now() - (n % 90) * interval '1 day',
            now() - (n % 90) * interval '1 day' + interval '2 hours', '{}', 1, 'published', 'ev-' || n
     FROM generate_series(1, $2) AS n RETURNING id`,
    [channelId, CAMPAIGNS],
  );
  const campaignIds = rows.map((row) => row.id);
  await db.query(
    `WITH a AS (
       INSERT INTO audiences (channel_id, name, kind, rules, version)
       SELECT $1, 'Audience ' || n, 'dynamic', '{"combinator":"and","children":[]}', 1
       FROM generate_series(1, 20) AS n RETURNING id
     ), numbered AS (SELECT id, row_number() OVER () AS n FROM a),
     b AS (
       INSERT INTO blasts (channel_id, name, message, kakao_target_id, audience_id, schedule, rate_per_second, state, version)
       SELECT $1, 'Blast ' || c.n, jsonb_build_object('idType', 'event', 'campaignId', c.id, 'title', 'T'),
              'ev-' || c.n, (SELECT id FROM numbered WHERE numbered.n = 1 + c.n % 20), '{"kind":"now","timeZone":"Asia/Seoul"}',
              1000, 'finished', 1
       FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, n) RETURNING id
     )
     INSERT INTO blast_runs (blast_id, channel_id, scheduled_at, state, fanout_done)
     SELECT id, $1, now() - (row_number() OVER () % ${DAYS}) * interval '1 day' - interval '4 hours', 'sending', true
     FROM b`,
    [channelId, campaignIds],
  );
  const runs = (await db.query<{ id: string }>(`SELECT id FROM blast_runs ORDER BY id`)).rows.map(
    (row) => row.id,
  );
  for (let done = 0; done < LEDGER_ROWS; done += CHUNK) {
    const count = Math.min(CHUNK, LEDGER_ROWS - done);
    if (LOAD_MODE === 'rebuild') {
      // Final state at once (one in 50 failed), within three hours of the run's start.
      await db.query(
        `INSERT INTO blast_deliveries (run_id, recipient_id, batch_no, state, attempts, sent_at, updated_at)
         SELECT r.id, gen_random_uuid(), g.n / 100, CASE WHEN g.n % 50 = 0 THEN 'failed' ELSE 'sent' END, 1,
                CASE WHEN g.n % 50 = 0 THEN NULL ELSE r.scheduled_at + random() * interval '3 hours' END,
                r.scheduled_at + random() * interval '3 hours'
         FROM generate_series($2::bigint, $2::bigint + $4 - 1) AS g(n)
         JOIN blast_runs r ON r.id = ($1::uuid[])[1 + (g.n % $3)]`,
        [runs, done, runs.length, count],
      );
      continue;
    }
    await db.query(
      `INSERT INTO blast_deliveries (run_id, recipient_id, batch_no, state)
       SELECT ($1::uuid[])[1 + (n % $3)], gen_random_uuid(), n / 100, 'pending'
       FROM generate_series($2::bigint, $2::bigint + $4 - 1) AS n`,
      [runs, done, runs.length, count],
    );
    // A run sends over the three hours after it starts, as a paced blast does.
    await db.query(
      `UPDATE blast_deliveries AS d
       SET state = CASE WHEN d.id % 50 = 0 THEN 'failed' ELSE 'sent' END,
           sent_at = CASE WHEN d.id % 50 = 0 THEN NULL ELSE r.scheduled_at + random() * interval '3 hours' END,
           updated_at = r.scheduled_at + random() * interval '3 hours', attempts = 1
       FROM blast_runs r
       WHERE r.id = d.run_id AND d.id > $1 AND d.id <= $1 + $2 AND d.state = 'pending'`,
      [done, count],
    );
  }
  // Clicks on one delivery in 20, follows on one in 100 (the events table's trigger writes deltas).
  await db.query(
    `INSERT INTO reach_events (channel_id, delivery_id, recipient_id, blast_id, campaign_id, audience_id, kind, link, first, occurred_at)
     SELECT r.channel_id, d.id, d.recipient_id, b.id, (b.message->>'campaignId')::uuid, b.audience_id,
            CASE WHEN d.id % 100 = 0 THEN 'follow' ELSE 'click' END, NULL, true,
            d.sent_at + random() * interval '2 days'
     FROM blast_deliveries d JOIN blast_runs r ON r.id = d.run_id JOIN blasts b ON b.id = r.blast_id
     WHERE d.id % 20 = 0 AND d.state = 'sent'`,
  );
  return { campaignIds };
}

async function main(): Promise<void> {
  const serverUrl = loadConfig().database.url;
  const name = `kcc_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl, name);
  await ensureDatabase(databaseUrl);
  const db = new Client({ connectionString: databaseUrl });
  let app: Awaited<ReturnType<typeof createApiApp>> | undefined;
  const dispatcher = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
  try {
    await runMigrations(databaseUrl, ALL_MIGRATIONS);
    await db.connect();
    Object.assign(process.env, {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `kccbench${randomBytes(3).toString('hex')}`,
      API_PORT: '0',
      LOG_LEVEL: 'error',
    });
    resetConfigCache();
    app = await createApiApp(getConfig());
    await app.listen(0, '127.0.0.1');
    const apiUrl = await app.getUrl();
    const channel = await app
      .get(ChannelsService)
      .upsert({ name: 'Bench channel', channelPublicId: '_bench' });
    const email = `bench-${randomUUID().slice(0, 8)}@bench.local`;
    await app.get(UsersService).provision({
      email,
      password: PASSWORD,
      displayName: 'Bench manager',
      memberships: [{ channelId: channel.id, role: Role.Manager }],
    });

    const loadStarted = performance.now();
    const { campaignIds } = await load(db, channel.id);
    const loadTime = seconds(loadStarted);
    const foldStarted = performance.now();
    const reach = app.get(ReachService);
    const { folded } =
      LOAD_MODE === 'rebuild' ? await reach.rebuild(channel.id) : await reach.fold();
    const foldTime = seconds(foldStarted);
    await db.query('VACUUM ANALYZE reach_hourly');
    const rollupRows = (await db.query<{ count: string }>(`SELECT count(*) FROM reach_hourly`))
      .rows[0].count;

    const login = await request(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { token } = (await login.body.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'x-channel-id': channel.id };
    const campaign = () => campaignIds[Math.floor(Math.random() * campaignIds.length)];
    const week = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
    const quarter = new Date(Date.now() - DAYS * 24 * 3600 * 1000).toISOString();
    const queries: [string, () => string][] = [
      ['summary, channel, 30 days', () => '/api/reach/summary'],
      ['summary, channel, 90 days', () => `/api/reach/summary?from=${quarter}`],
      [
        'summary, one campaign, 90 days',
        () => `/api/reach/summary?from=${quarter}&campaignId=${campaign()}`,
      ],
      ['timeseries, channel, 90 days by day', () => `/api/reach/timeseries?from=${quarter}`],
      [
        'timeseries, channel, 7 days by hour',
        () => `/api/reach/timeseries?granularity=hour&from=${week}`,
      ],
      [
        'timeseries, one campaign, 90 days by day',
        () => `/api/reach/timeseries?from=${quarter}&campaignId=${campaign()}`,
      ],
    ];
    const results: LatencyResult[] = [];
    for (const [label, path] of queries) {
      results.push(
        await measureLatency(
          label,
          async () => {
            const response = await request(`${apiUrl}${path()}`, { headers, dispatcher });
            const body = await response.body.text();
            return response.statusCode === 200
              ? { ok: true }
              : { ok: false, error: `${response.statusCode} ${body.slice(0, 300)}` };
          },
          REQUESTS,
          CONCURRENCY,
        ),
      );
    }
    const postgres = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]
      .server_version;
    console.log(`machine: ${machine(postgres)}`);
    console.log(
      `data: ${LEDGER_ROWS} ledger rows over ${CAMPAIGNS} campaigns and ${DAYS} days, loaded in ${loadTime} ` +
        `(${LOAD_MODE === 'rebuild' ? 'final state, then a rebuild' : "sent by the workers' UPDATE"}); ` +
        `${LOAD_MODE === 'rebuild' ? 'rebuild' : 'fold'} of ${folded} deltas into ${rollupRows} rollup rows took ${foldTime}. ` +
        `${REQUESTS} requests per query at concurrency ${CONCURRENCY}, API in this process.`,
    );
    printLatencyTable(results);
    if (results.some((result) => result.errors > 0)) {
      process.exitCode = 1;
    }
  } finally {
    await dispatcher.close();
    await app?.close();
    await db.end().catch(() => undefined);
    if (KEEP_DB) {
      console.log(`kept database ${name}`);
    } else {
      await dropDatabase(serverUrl, name);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
