// List latency of GET /api/campaigns at 100,000 campaigns: a fresh migrated database, bulk-loaded
// campaigns, the real API in this process, and typical list calls over HTTP. Run with
// `npm run bench:campaigns` (Postgres and Redis as for the tests).
//
// Environment: BENCH_CAMPAIGNS (default 100000), BENCH_OTHER_CAMPAIGNS (second channel, default
// 5000), BENCH_REQUESTS (per query, default 200), BENCH_CONCURRENCY (default 4), BENCH_ONLY (run
// the queries whose name contains it), BENCH_KEEP_DB=1 keeps the database for a look with psql.

import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import { Client } from 'pg';
import { Agent, request } from 'undici';

import { Role, UsersService } from '@app/accounts';
import { ChannelsService } from '@app/channels';
import { seededRandom } from '@app/common';
import { getConfig, loadConfig, resetConfigCache } from '@app/config';
import { dropDatabase, ensureDatabase, runMigrations, withDatabase } from '@app/database';
import { ALL_MIGRATIONS } from '@app/migrations';

import { createApiApp } from '@apps/api';

import {
  type LatencyResult,
  machine,
  measureLatency,
  positiveInt,
  printLatencyTable,
} from './lib/latency';

const CAMPAIGNS = positiveInt(process.env.BENCH_CAMPAIGNS, 100_000);
const OTHER_CAMPAIGNS = positiveInt(process.env.BENCH_OTHER_CAMPAIGNS, 5_000);
const REQUESTS = positiveInt(process.env.BENCH_REQUESTS, 200);
const CONCURRENCY = positiveInt(process.env.BENCH_CONCURRENCY, 4);
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const ONLY = process.env.BENCH_ONLY ?? '';
const BATCH = 5_000;
const PASSWORD = 'bench-password-1';
const DAY_MS = 24 * 3600 * 1000;

// --- data: a deterministic spread that looks like a few years of a busy channel ------------------

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Picks by weight: `[[value, weight], ...]`. */
function weighted<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) {
      return value;
    }
  }
  return table[table.length - 1][0];
}

const PLACES = ['성수', '홍대', '강남', '판교', '부산 해운대', '제주', '여의도', '잠실', 'Seongsu'];
const KINDS = [
  '팝업 스토어',
  '신제품 출시',
  '라이브 방송',
  '할인 행사',
  'Pop-up',
  'Launch',
  '사인회',
];
const SEASONS = ['봄', '여름', '가을', '겨울', 'Spring', 'Summer', 'Autumn', 'Winter', '연말'];
const TAGS = [
  'seoul',
  'busan',
  'jeju',
  'popup',
  'launch',
  'live',
  'sale',
  'vip',
  'members',
  'weekly',
  'collab',
  'kids',
  'beauty',
  'food',
  'fashion',
  'music',
  'game',
  'tech',
  'season',
  'outlet',
  'online',
  'offline',
  'giveaway',
  'survey',
];
const COLORS = ['BLUE', 'RED', 'MINT', 'ORANGE', 'GREEN', 'VIOLET', 'PINK', 'GRAY'];

type States = readonly [
  syncState: string,
  approvalState: string,
  kakaoState: string,
  published: boolean,
];

// [sync state, approval state, Kakao state, has a Kakao event], weight
const STATES: readonly (readonly [States, number])[] = [
  [['draft', 'draft', 'unknown', false], 40],
  [['draft', 'submitted', 'unknown', false], 8],
  [['draft', 'rejected', 'unknown', false], 3],
  [['draft', 'approved', 'unknown', false], 5],
  [['published', 'approved', 'in_sync', true], 32],
  [['changed_since_publish', 'draft', 'in_sync', true], 6],
  [['published', 'approved', 'drifted', true], 1.5],
  [['published', 'approved', 'missing', true], 0.5],
  [['failed', 'approved', 'unknown', false], 2],
  [['publishing', 'approved', 'unknown', false], 1],
  [['unpublishing', 'approved', 'in_sync', true], 1],
];

interface Row {
  name: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  tags: string[];
  content: string;
  syncState: string;
  approvalState: string;
  kakaoState: string;
  kakaoEventId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function campaignRow(random: () => number, index: number, now: number): Row {
  const place = pick(random, PLACES);
  const kind = pick(random, KINDS);
  const title = `${place} ${kind} #${index % 997}`.slice(0, 50);
  const name = `${pick(random, SEASONS)} ${2024 + Math.floor(random() * 4)} ${place} ${kind} ${index}`;
  // Events from two years back to two years ahead, on the 5-minute grid, mostly daytime in KST.
  const day = Math.floor((random() * 4 - 2) * 365);
  const startMs =
    Math.floor(now / DAY_MS) * DAY_MS + day * DAY_MS + Math.floor(random() * 144) * 300_000;
  const allDay = random() < 0.2;
  const startsAt = new Date(
    allDay ? Math.floor(startMs / DAY_MS) * DAY_MS - 9 * 3600_000 : startMs,
  );
  const endsAt = new Date(
    allDay
      ? startsAt.getTime() + (1 + Math.floor(random() * 3)) * DAY_MS
      : startMs + (1 + Math.floor(random() * 8)) * 3600_000,
  );
  const tagCount = weighted(random, [
    [0, 15],
    [1, 35],
    [2, 30],
    [3, 15],
    [4, 5],
  ] as const);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(random, TAGS)))];
  const [syncState, approvalState, kakaoState, published] = weighted(random, STATES);
  const createdAt = new Date(now - Math.floor(random() * 2 * 365 * DAY_MS));
  const updatedAt = new Date(
    Math.min(now, createdAt.getTime() + Math.floor(random() * 60 * DAY_MS)),
  );
  const localDate = (date: Date) =>
    new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  const content = allDay
    ? {
        title,
        description: `${place}에서 열리는 ${kind}. 자세한 내용은 채널 공지를 확인하세요.`,
        allDay: true,
        startDate: localDate(startsAt),
        endDate: localDate(new Date(endsAt.getTime() - DAY_MS)),
        timeZone: 'Asia/Seoul',
        reminders: [-540],
        color: pick(random, COLORS),
      }
    : {
        title,
        description: `${place}에서 열리는 ${kind}. 자세한 내용은 채널 공지를 확인하세요.`,
        allDay: false,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        timeZone: 'Asia/Seoul',
        location: { name: place },
        reminders: [60],
        color: pick(random, COLORS),
      };
  return {
    name,
    title,
    startsAt,
    endsAt,
    allDay,
    tags,
    content: JSON.stringify(content),
    syncState,
    approvalState,
    kakaoState,
    kakaoEventId: published ? randomBytes(12).toString('hex') : null,
    archivedAt: random() < 0.05 ? updatedAt : null,
    createdAt,
    updatedAt,
  };
}

/** Multi-row INSERT through unnest(): one round trip per batch of BATCH rows. */
async function insertCampaigns(
  db: Client,
  channelId: string,
  ownerId: string,
  count: number,
  seed: number,
): Promise<void> {
  const random = seededRandom(seed);
  const now = Date.now();
  for (let offset = 0; offset < count; offset += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - offset) }, (_, i) =>
      campaignRow(random, offset + i, now),
    );
    const column = <K extends keyof Row>(key: K) => rows.map((row) => row[key]);
    await db.query(
      `INSERT INTO campaigns (
         channel_id, owner_id, name, title, starts_at, ends_at, series_ends_at, all_day, tags, content,
         sync_state, approval_state, kakao_state, kakao_event_id, archived_at, created_at,
         updated_at, version, revision, published_revision, published_at, approved_revision
       )
       SELECT $1, $2, r.name, r.title, r.starts_at, r.ends_at, r.ends_at, r.all_day,
              CASE WHEN r.tags = '' THEN '{}'::text[] ELSE string_to_array(r.tags, '|') END,
              r.content::jsonb, r.sync_state, r.approval_state, r.kakao_state, r.kakao_event_id,
              r.archived_at, r.created_at, r.updated_at, 1, 1,
              CASE WHEN r.kakao_event_id IS NULL THEN NULL ELSE 1 END,
              CASE WHEN r.kakao_event_id IS NULL THEN NULL ELSE r.updated_at END,
              CASE WHEN r.approval_state = 'approved' THEN 1 ELSE NULL END
       FROM unnest(
         $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::boolean[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[],
         $15::timestamptz[], $16::timestamptz[]
       ) AS r(name, title, starts_at, ends_at, all_day, tags, content, sync_state,
              approval_state, kakao_state, kakao_event_id, archived_at, created_at, updated_at)`,
      [
        channelId,
        ownerId,
        column('name'),
        column('title'),
        column('startsAt'),
        column('endsAt'),
        column('allDay'),
        rows.map((row) => row.tags.join('|')),
        column('content'),
        column('syncState'),
        column('approvalState'),
        column('kakaoState'),
        column('kakaoEventId'),
        column('archivedAt'),
        column('createdAt'),
        column('updatedAt'),
      ],
    );
  }
}

// --- measuring ---------------------------------------------------------------------------------

interface Query {
  name: string;
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
  filter?: Record<string, unknown>;
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  if (query.sort) {
    params.set('sort', JSON.stringify(query.sort));
  }
  if (query.range) {
    params.set('range', JSON.stringify(query.range));
  }
  if (query.filter) {
    params.set('filter', JSON.stringify(query.filter));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function measure(
  apiUrl: string,
  headers: Record<string, string>,
  dispatcher: Agent,
  query: Query,
): Promise<LatencyResult> {
  const url = `${apiUrl}/api/campaigns${queryString(query)}`;
  return measureLatency(
    query.name,
    async () => {
      const response = await request(url, { headers, dispatcher });
      const body = await response.body.text();
      return response.statusCode === 200
        ? { ok: true, total: String(response.headers['content-range'] ?? '').split('/')[1] ?? '' }
        : { ok: false, error: `${response.statusCode} ${body.slice(0, 300)}` };
    },
    REQUESTS,
    CONCURRENCY,
  );
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

    const channels = app.get(ChannelsService);
    const channel = await channels.upsert({ name: 'Bench channel', channelPublicId: '_bench' });
    const other = await channels.upsert({ name: 'Other channel', channelPublicId: '_other' });
    const email = `bench-${randomUUID().slice(0, 8)}@bench.local`;
    const user = await app.get(UsersService).provision({
      email,
      password: PASSWORD,
      displayName: 'Bench manager',
      memberships: [
        { channelId: channel.id, role: Role.Manager },
        { channelId: other.id, role: Role.Manager },
      ],
    });

    const loadStarted = performance.now();
    await insertCampaigns(db, channel.id, user.id, CAMPAIGNS, 1);
    await insertCampaigns(db, other.id, user.id, OTHER_CAMPAIGNS, 2);
    await db.query('VACUUM ANALYZE campaigns');
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const login = await request(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { token } = (await login.body.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'x-channel-id': channel.id };

    const today = new Date();
    const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
    const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
    const queries: Query[] = [
      { name: 'default (updatedAt DESC), page 0' },
      { name: 'default, deep page (offset 50,000)', range: [50_000, 50_024] },
      { name: 'filter syncState=published', filter: { syncState: 'published' } },
      { name: 'filter syncState=failed', filter: { syncState: 'failed' } },
      { name: 'filter tag=vip', filter: { tag: 'vip' } },
      { name: 'search q="해운대"', filter: { q: '해운대' } },
      { name: 'search q="Launch #42"', filter: { q: 'Launch #42' } },
      {
        name: 'calendar month (overlap), startsAt ASC, 500',
        sort: ['startsAt', 'ASC'],
        range: [0, 499],
        filter: { startsBefore: monthEnd.toISOString(), endsAfter: monthStart.toISOString() },
      },
      { name: 'sort startsAt ASC, page 0', sort: ['startsAt', 'ASC'] },
      { name: 'sort name ASC, page 0', sort: ['name', 'ASC'] },
    ];

    const postgres = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]
      .server_version;
    console.log(`machine: ${machine(postgres)}`);
    console.log(
      `data: ${CAMPAIGNS} campaigns in the measured channel, ${OTHER_CAMPAIGNS} in another; ` +
        `loaded in ${loadSeconds.toFixed(1)} s. ${REQUESTS} requests per query at concurrency ${CONCURRENCY}, ` +
        'API in this process, HTTP over loopback.',
    );
    const results: LatencyResult[] = [];
    for (const query of queries.filter((candidate) => candidate.name.includes(ONLY))) {
      results.push(await measure(apiUrl, headers, dispatcher, query));
    }
    printLatencyTable(results);
    console.log(
      `load average after: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} (other processes on this machine skew the numbers)`,
    );
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
