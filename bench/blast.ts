// Blast throughput end to end (API + worker + sandbox as real processes) next to the raw ceiling
// of send-to-me calls, with the CPU and the database work each delivery costs, recovery after the
// worker is killed mid-run, fan-out time and worker peak RSS for a large audience, and the
// limiter's accuracy. Run with `npm run bench:blast`.
//
// Environment: BENCH_RECIPIENTS (default 50000), BENCH_FANOUT (default 1000000),
// BENCH_KILL_RECIPIENTS (default 10000), BENCH_LIMITER_SECONDS (default 60), BENCH_LIMITER_RATES
// (default 100,1000), BENCH_SKIP (phases to leave out, comma-separated: e2e, ceiling, limiter,
// kill, fanout), BENCH_PROFILE_DIR (when set, the worker writes a V8 CPU profile there on exit,
// for chrome://inspect or speedscope).

import { Client } from 'pg';

import { KakaoClient, prepareTemplate } from '@app/kakao-client';

import {
  type Ceiling,
  type EndToEnd,
  type FanOut,
  type InboxCheck,
  type KillRecovery,
  type Limiter,
  printReport,
  type Report,
} from './lib/blast-report';
import {
  type BlastStack,
  children,
  insertRecipients,
  json,
  type SandboxUser,
  seedSandboxRecipients,
  sleep,
  startBlastStack,
} from './lib/blast-stack';
import { machine, positiveInt } from './lib/latency';
import {
  BackendCpuMeter,
  benchRead,
  indexCounts,
  settledCounters,
  statementsUnavailable,
  statementWork,
  tableWork,
} from './lib/pg-work';
import { cpuMs, peakRssMb, resetPeakRss, rssMb } from './lib/proc';

const RECIPIENTS = positiveInt(process.env.BENCH_RECIPIENTS, 50_000);
const FANOUT = positiveInt(process.env.BENCH_FANOUT, 1_000_000);
const KILL_RECIPIENTS = positiveInt(process.env.BENCH_KILL_RECIPIENTS, 10_000);
const LIMITER_SECONDS = positiveInt(process.env.BENCH_LIMITER_SECONDS, 60);
const LIMITER_RATES = (process.env.BENCH_LIMITER_RATES ?? '100,1000')
  .split(',')
  .map((v) => positiveInt(v, 100));
const PHASES = ['e2e', 'ceiling', 'limiter', 'kill', 'fanout'] as const;
type Phase = (typeof PHASES)[number];
const SKIP = skippedPhases(process.env.BENCH_SKIP);
/** Tag of the kill phase's recipients, so that its audience holds only them. */
const KILL_TAG = 'bench-kill';
/** How often the e2e phase samples rows `sending` and the database's backends. */
const SAMPLE_MS = 200;
/** "Unlimited": above anything the machine can send. */
const NO_LIMIT = 100_000;

interface Campaign {
  id: string;
  kakaoEventId: string;
}

async function main(): Promise<void> {
  const stack = await startBlastStack();
  try {
    const { rows } = await stack.db.query<{ server_version: string }>('SHOW server_version');
    console.log(`machine: ${machine(rows[0].server_version)}`);
    const seeded = Date.now();
    step(`seeding ${RECIPIENTS} recipients`);
    const users = await seedSandboxRecipients(stack, RECIPIENTS);
    const report: Report = {
      recipients: RECIPIENTS,
      seedSeconds: (Date.now() - seeded) / 1000,
      sampleMs: SAMPLE_MS,
      limiterSeconds: LIMITER_SECONDS,
    };
    const everyone = await createAudience(stack, 'Everyone', {
      field: 'consentState',
      operator: 'eq',
      value: 'active',
    });
    const campaign = await publishCampaign(stack);
    if (!SKIP.has('e2e')) {
      step('end to end');
      report.e2e = await measureEndToEnd(stack, campaign, everyone);
    }
    if (!SKIP.has('ceiling')) {
      step('raw ceiling');
      report.ceiling = await measureCeiling(stack, users, campaign);
    }
    if (!SKIP.has('limiter')) {
      step('limiter');
      report.limiter = await measureLimiter(stack, campaign, everyone);
    }
    if (!SKIP.has('kill')) {
      step('worker kills');
      report.kill = await measureKillRecovery(stack, campaign);
    }
    if (!SKIP.has('fanout')) {
      step('fan-out');
      report.fanout = await measureFanOut(stack, campaign, everyone);
    }
    printReport(report);
  } finally {
    await stack.stop();
  }
}

/** Progress goes to stderr, so that stdout is the machine line and the report. */
function step(text: string): void {
  console.error(`[bench:blast] ${new Date().toISOString().slice(11, 19)} ${text}`);
}

function skippedPhases(list: string | undefined): Set<Phase> {
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(PHASES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SKIP: unknown phase ${unknown.join(', ')}; phases: ${PHASES.join(', ')}`,
    );
  }
  return new Set(names as Phase[]);
}

async function createAudience(
  stack: BlastStack,
  name: string,
  rule: { field: string; operator: string; value: unknown },
): Promise<string> {
  const audience = await stack.api<{ id: string }>('POST', '/audiences', {
    name,
    kind: 'dynamic',
    rules: { combinator: 'and', children: [rule] },
  });
  return audience.id;
}

/** A campaign published as a public event, which the blasts' messages point at. */
async function publishCampaign(stack: BlastStack): Promise<Campaign> {
  const campaign = await stack.api<{ id: string }>('POST', '/campaigns', {
    name: 'Bench',
    content: {
      title: 'Bench',
      allDay: false,
      startsAt: '2030-04-12T10:00:00+09:00',
      endsAt: '2030-04-12T11:00:00+09:00',
      timeZone: 'Asia/Seoul',
    },
  });
  await stack.api('POST', `/campaigns/${campaign.id}/publish`, {});
  for (;;) {
    await sleep(200);
    const { kakaoEventId } = await stack.api<{ kakaoEventId: string | null }>(
      'GET',
      `/campaigns/${campaign.id}`,
    );
    if (kakaoEventId) {
      return { id: campaign.id, kakaoEventId };
    }
  }
}

/** Creates a blast sending now and starts it; answers the run's id. */
async function runBlast(
  stack: BlastStack,
  campaign: Campaign,
  name: string,
  audienceId: string,
  ratePerSecond: number,
): Promise<string> {
  const blast = await stack.api<{ id: string }>('POST', '/blasts', {
    name,
    message: {
      idType: 'event',
      campaignId: campaign.id,
      title: 'Bench',
      webUrl: 'https://example.com',
    },
    audienceId,
    schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
    ratePerSecond,
    quietHours: false,
  });
  return (await stack.api<{ id: string }>('POST', `/blasts/${blast.id}/start`, {})).id;
}

/**
 * One unlimited blast to the whole seeded audience, with what every process spent on it. Progress
 * and rows `sending` are read from the database on the benchmark's own connection (not through the
 * API), so that the API's CPU is the blast's, not the benchmark's polling.
 */
async function measureEndToEnd(
  stack: BlastStack,
  campaign: Campaign,
  audienceId: string,
): Promise<EndToEnd> {
  const probe = new Client({ connectionString: stack.databaseUrl });
  await probe.connect();
  try {
    const ownPids = await Promise.all([backendPid(stack.db), backendPid(probe)]);
    const statementsWhy = await statementsUnavailable(stack.db);
    const indexes = await indexCounts(stack.db);
    const meter = new BackendCpuMeter(probe, ownPids);
    const before = await settledCounters(stack.db, statementsWhy === null);
    const cpuBefore = processCpu(stack);
    await meter.start();
    const started = Date.now();
    const runId = await runBlast(stack, campaign, 'e2e', audienceId, NO_LIMIT);
    const sending = await sampleUntilCompleted(probe, meter, runId);
    const seconds = (Date.now() - started) / 1000;
    await meter.sample();
    const cpuAfter = processCpu(stack);
    const pg = meter.result();
    const after = await settledCounters(stack.db, statementsWhy === null);
    return {
      sent: (await runCounts(stack.db, runId)).get('sent') ?? 0,
      seconds,
      cpu: {
        worker: cpuAfter.worker - cpuBefore.worker,
        api: cpuAfter.api - cpuBefore.api,
        sandbox: cpuAfter.sandbox - cpuBefore.sandbox,
        postgres: pg.cpuMs,
      },
      backends: pg.backends,
      postgresByType: pg.byType,
      commits: after.commits - before.commits,
      tables: tableWork(before, after, indexes),
      statements: statementWork(before, after),
      statementsWhy,
      sending,
    };
  } finally {
    await probe.end();
  }
}

/**
 * Every SAMPLE_MS until the run completes: the backends' CPU, and the rows `sending` (how many
 * calls are on the wire, which is also what a crash could leave `unknown`).
 */
async function sampleUntilCompleted(
  probe: Client,
  meter: BackendCpuMeter,
  runId: string,
): Promise<number[]> {
  const sending: number[] = [];
  for (;;) {
    const next = Date.now() + SAMPLE_MS;
    await meter.sample();
    const [run] = await benchRead<{ state: string; sending: string }>(
      probe,
      `SELECT r.state, (SELECT count(*) FROM blast_deliveries d WHERE d.run_id = r.id AND d.state = 'sending') AS sending
       FROM blast_runs r WHERE r.id = $1`,
      [runId],
    );
    sending.push(Number(run.sending));
    if (run.state === 'completed') {
      return sending;
    }
    if (run.state === 'paused' || run.state === 'cancelled') {
      throw new Error(`run ${runId} stopped: ${run.state}`);
    }
    await sleep(next - Date.now());
  }
}

async function backendPid(db: Client): Promise<number> {
  return (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
}

function processCpu(stack: BlastStack): { worker: number; api: number; sandbox: number } {
  return {
    worker: cpuMs(stack.worker.pid),
    api: cpuMs(stack.apiPid),
    sandbox: cpuMs(stack.sandboxPid),
  };
}

/** Rows per state of a run, from the counters the ledger keeps in the same transaction. */
async function runCounts(db: Client, runId: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ state: string; count: string }>(
    `SELECT state, sum(count) AS count FROM blast_run_counts WHERE run_id = $1 GROUP BY state`,
    [runId],
  );
  return new Map(rows.map((row) => [row.state, Number(row.count)]));
}

/** The raw ceiling: a bare loop of send-to-me calls, 64 in flight, against the same sandbox. */
async function measureCeiling(
  stack: BlastStack,
  users: SandboxUser[],
  campaign: Campaign,
): Promise<Ceiling> {
  const client = new KakaoClient({
    apiBaseUrl: stack.sandboxUrl,
    authBaseUrl: stack.sandboxUrl,
    retries: 0,
  });
  const template = prepareTemplate({
    object_type: 'calendar',
    id_type: 'event',
    id: campaign.kakaoEventId,
    content: { title: 'Bench', link: { web_url: 'https://example.com' } },
  });
  let calls = 0;
  const started = Date.now();
  const benchCpuBefore = process.cpuUsage();
  const sandboxCpuBefore = cpuMs(stack.sandboxPid);
  const end = started + 10_000;
  await Promise.all(
    Array.from({ length: 64 }, async (_, lane) => {
      for (let i = lane; Date.now() < end; i += 64) {
        await client.messages.sendToMe(users[i % users.length].access_token, template);
        calls += 1;
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const sandboxCpu = cpuMs(stack.sandboxPid) - sandboxCpuBefore;
  await client.close();
  return {
    callsPerSecond: calls / seconds,
    clientCpuPerCall: (benchCpu.user + benchCpu.system) / 1000 / calls,
    sandboxCpuPerCall: sandboxCpu / calls,
  };
}

/** The sent rate inside a window of LIMITER_SECONDS, from the ledger, once fanned out. */
async function measureLimiter(
  stack: BlastStack,
  campaign: Campaign,
  audienceId: string,
): Promise<Limiter[]> {
  const results: Limiter[] = [];
  for (const rate of LIMITER_RATES) {
    const runId = await runBlast(stack, campaign, `limiter ${rate}/s`, audienceId, rate);
    // The window opens once the audience is in the ledger: a fan-out of 100,000 rows beside
    // the sends takes the 2-core machine's CPU for ~15 s, which measures the box, not the limiter.
    await waitFannedOut(stack.db, runId, 120_000);
    await sleep(5_000);
    const from = new Date();
    await sleep(LIMITER_SECONDS * 1000);
    const to = new Date();
    await cancelRun(stack, runId);
    const exhausted = await runIs(stack.db, runId, 'completed');
    // A batch writes its outcomes when it ends: calls made before `to` are still in flight
    // (state 'sending') for a moment after it. Count once they have landed.
    const settleBy = Date.now() + 30_000;
    while (Date.now() < settleBy && ((await runCounts(stack.db, runId)).get('sending') ?? 0) > 0) {
      await sleep(200);
    }
    const { rows } = await stack.db.query<{ count: string }>(
      `SELECT count(*) FROM blast_deliveries WHERE run_id = $1 AND state = 'sent' AND sent_at >= $2 AND sent_at < $3`,
      [runId, from, to],
    );
    const measured = Number(rows[0].count) / ((to.getTime() - from.getTime()) / 1000);
    results.push({
      target: rate,
      exhausted,
      measured: Math.round(measured * 10) / 10,
      errorPct: Math.round(((measured - rate) / rate) * 1000) / 10,
    });
  }
  return results;
}

/** Cancels a run unless it has completed meanwhile (a small audience runs out quickly). */
async function cancelRun(stack: BlastStack, runId: string): Promise<void> {
  try {
    await stack.api('POST', `/blast-runs/${runId}/cancel`, {});
  } catch (error) {
    if (!(await runIs(stack.db, runId, 'completed'))) {
      throw error;
    }
  }
}

async function waitFannedOut(db: Client, runId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ fanout_done: boolean }>(
      `SELECT fanout_done FROM blast_runs WHERE id = $1`,
      [runId],
    );
    if (rows[0]?.fanout_done) {
      return;
    }
    await sleep(200);
  }
}

/**
 * An unlimited blast to fresh recipients whose worker is `kill -9`ed three times (at ~25 % sent,
 * then at random moments) and restarted at once; each kill's recovery is the time until `sent`
 * grows again. The inboxes then tell duplicates (a call made twice) from `unknown` rows.
 */
async function measureKillRecovery(stack: BlastStack, campaign: Campaign): Promise<KillRecovery> {
  const users = await seedSandboxRecipients(stack, KILL_RECIPIENTS, [KILL_TAG]);
  const audienceId = await createAudience(stack, 'Kill', {
    field: 'tags',
    operator: 'hasAny',
    value: [KILL_TAG],
  });
  const runId = await runBlast(stack, campaign, 'kill', audienceId, NO_LIMIT);
  const kills: KillRecovery['kills'] = [];
  for (const share of killShares()) {
    if (!(await waitSent(stack.db, runId, Math.ceil(share * KILL_RECIPIENTS)))) {
      break; // finished before this kill's moment
    }
    kills.push(await killAndWatch(stack, runId));
  }
  await waitCompleted(stack.db, runId, 300_000);
  return {
    recipients: KILL_RECIPIENTS,
    kills,
    counts: await runCounts(stack.db, runId),
    inbox: await checkInboxes(stack, runId, users),
  };
}

/** When to kill, as shares of the audience sent: ~25 %, then two random moments after it. */
function killShares(): number[] {
  const between = (low: number, high: number) => low + Math.random() * (high - low);
  return [0.25, between(0.35, 0.55), between(0.6, 0.85)];
}

/** Waits until `target` rows are sent; false when the run completed first. */
async function waitSent(db: Client, runId: string, target: number): Promise<boolean> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (((await runCounts(db, runId)).get('sent') ?? 0) >= target) {
      return true;
    }
    if (await runIs(db, runId, 'completed')) {
      return false;
    }
    await sleep(25);
  }
  throw new Error(`run ${runId} sent fewer than ${target} in 300 s`);
}

async function killAndWatch(
  stack: BlastStack,
  runId: string,
): Promise<{ sentAtKill: number; recoverySeconds: number }> {
  const { killedAt } = await stack.restartWorker();
  // A COMMIT the dead worker had already written to its socket still lands: let it, so that it
  // does not pass for the new worker's first send.
  await sleep(200);
  const sentAtKill = (await runCounts(stack.db, runId)).get('sent') ?? 0;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (((await runCounts(stack.db, runId)).get('sent') ?? 0) > sentAtKill) {
      return { sentAtKill, recoverySeconds: (Date.now() - killedAt) / 1000 };
    }
    await sleep(50);
  }
  return { sentAtKill, recoverySeconds: NaN };
}

async function runIs(db: Client, runId: string, state: string): Promise<boolean> {
  const { rows } = await db.query<{ state: string }>(`SELECT state FROM blast_runs WHERE id = $1`, [
    runId,
  ]);
  return rows[0]?.state === state;
}

async function waitCompleted(db: Client, runId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await runIs(db, runId, 'completed'))) {
    if (Date.now() > deadline) {
      throw new Error(`run ${runId} did not complete in ${timeoutMs / 1000} s`);
    }
    await sleep(250);
  }
}

/** Every recipient's inbox (sandbox control API) against the run's ledger. */
async function checkInboxes(
  stack: BlastStack,
  runId: string,
  users: SandboxUser[],
): Promise<InboxCheck> {
  const { rows } = await stack.db.query<{ kakao_user_id: string; state: string }>(
    `SELECT r.kakao_user_id, d.state FROM blast_deliveries d JOIN recipients r ON r.id = d.recipient_id
     WHERE d.run_id = $1`,
    [runId],
  );
  const stateOf = new Map(rows.map((row) => [row.kakao_user_id, row.state]));
  const check: InboxCheck = {
    duplicated: 0,
    extraCopies: 0,
    sentMissing: 0,
    unknownDelivered: 0,
    unknownMissing: 0,
  };
  for (let offset = 0; offset < users.length; offset += 50) {
    const slice = users.slice(offset, offset + 50);
    const totals = await Promise.all(slice.map((user) => inboxTotal(stack, user)));
    slice.forEach((user, i) => {
      const received = totals[i];
      const state = stateOf.get(String(user.user_id));
      if (received > 1) {
        check.duplicated += 1;
        check.extraCopies += received - 1;
      }
      if (state === 'sent' && received === 0) {
        check.sentMissing += 1;
      } else if (state === 'unknown') {
        check[received > 0 ? 'unknownDelivered' : 'unknownMissing'] += 1;
      }
    });
  }
  return check;
}

async function inboxTotal(stack: BlastStack, user: SandboxUser): Promise<number> {
  const inbox = await json<{ total: number }>(
    `${stack.sandboxUrl}/__sandbox/users/${user.user_id}/messages?limit=1`,
  );
  return inbox.total;
}

/**
 * Fan-out of an audience of BENCH_FANOUT into the ledger: the channel is topped up with recipients
 * that have no real token (the run is cancelled once fanned out, so they are never called).
 */
async function measureFanOut(
  stack: BlastStack,
  campaign: Campaign,
  audienceId: string,
): Promise<FanOut> {
  const seeded = Date.now();
  const { rows } = await stack.db.query<{ count: string }>(
    `SELECT count(*) FROM recipients WHERE channel_id = $1`,
    [stack.channelId],
  );
  const extra = Math.max(0, FANOUT - Number(rows[0].count));
  const fakeSealed = stack.box.encrypt('not-a-real-token');
  for (let done = 0; done < extra; done += 50_000) {
    const count = Math.min(50_000, extra - done);
    await insertRecipients(
      stack.db,
      stack.channelId,
      Array.from({ length: count }, (_, i) => ({
        kakaoUserId: String(9_000_000_000 + done + i),
        uuid: null,
        sealed: fakeSealed,
      })),
    );
  }
  const seedSeconds = (Date.now() - seeded) / 1000;
  const pid = stack.worker.pid;
  const rssBeforeMb = rssMb(pid);
  const peakIsFanOut = resetPeakRss(pid);
  const started = Date.now();
  const runId = await runBlast(stack, campaign, 'fan-out', audienceId, 1);
  await waitFannedOut(stack.db, runId, 600_000);
  const seconds = (Date.now() - started) / 1000;
  const peak = peakRssMb(pid);
  await cancelRun(stack, runId);
  const ledger = await stack.db.query<{ count: string }>(
    `SELECT count(*) FROM blast_deliveries WHERE run_id = $1`,
    [runId],
  );
  return {
    rows: Number(ledger.rows[0].count),
    seconds,
    seedSeconds,
    peakRssMb: peak,
    rssBeforeMb,
    peakIsFanOut,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) {
    child.kill('SIGKILL');
  }
  process.exit(1);
});
