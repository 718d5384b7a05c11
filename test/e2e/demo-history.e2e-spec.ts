import { Client } from 'pg';

import { Role } from '@app/accounts';
import { DEMO_CAMPAIGNS, type DemoHistoryResult } from '@app/demo';
import { seedDemoHistoryIn, startTestStack, type TestStack } from '@app/testing';

jest.setTimeout(240_000);

const RECIPIENTS = 60;
const DAY_MS = 86_400_000;

interface Summary {
  totals: Record<string, number>;
  topCampaigns: { id: string; name: string | null; delivered: number }[];
  audiences: { id: string; delivered: number }[];
  pendingChanges: number;
}

describe('demo history', () => {
  let stack: TestStack;
  let result: DemoHistoryResult;

  const seed = () => seedDemoHistoryIn(stack, RECIPIENTS);

  const since = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

  beforeAll(async () => {
    stack = await startTestStack();
    result = await seed();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('publishes every campaign and sends each a tracked blast', async () => {
    expect(result).toMatchObject({ seeded: true, recipients: RECIPIENTS, campaigns: 6 });
    const campaigns = await stack.call<{ name: string; syncState: string }[]>(
      Role.Manager,
      'GET',
      '/api/campaigns?range=[0,49]',
    );
    expect(campaigns.body.map((campaign) => campaign.syncState)).toEqual(
      DEMO_CAMPAIGNS.map(() => 'published'),
    );
    const blasts = await stack.call<{ state: string }[]>(Role.Scheduler, 'GET', '/api/blasts');
    expect(blasts.body.map((blast) => blast.state)).toEqual(DEMO_CAMPAIGNS.map(() => 'finished'));
  });

  it('shows four weeks of reach: deliveries on the day of each blast, clicks, follows, friends', async () => {
    const summary = await stack.call<Summary>(
      Role.Manager,
      'GET',
      `/api/reach/summary?from=${since(30)}`,
    );
    expect(summary.body.pendingChanges).toBe(0);
    const { totals } = summary.body;
    if (!result.seeded) {
      throw new Error('not seeded');
    }
    expect(totals.delivered).toBe(result.delivered);
    expect(totals.clicks).toBe(result.clicks);
    expect(totals.uniqueClicks).toBe(result.clickers);
    expect(totals.clicks).toBeGreaterThan(totals.uniqueClicks);
    expect(totals.follows).toBeGreaterThan(0);
    expect(totals.friendsAdded).toBeGreaterThan(RECIPIENTS / 2);
    expect(summary.body.topCampaigns).toHaveLength(DEMO_CAMPAIGNS.length);
    expect(summary.body.audiences.length).toBe(3);

    const series = await stack.call<{ buckets: { start: string; delivered: number }[] }>(
      Role.Manager,
      'GET',
      `/api/reach/timeseries?granularity=day&from=${since(30)}`,
    );
    const sendingDays = series.body.buckets.filter((bucket) => bucket.delivered > 0);
    expect(sendingDays).toHaveLength(DEMO_CAMPAIGNS.length);
    const oldest = Date.now() - new Date(sendingDays[0]?.start ?? 0).getTime();
    expect(oldest).toBeGreaterThan(25 * DAY_MS);
    // Friends joined over the weeks, not all today.
    const friendDays = series.body.buckets.filter(
      (bucket) => (bucket as unknown as { friendsAdded: number }).friendsAdded > 0,
    );
    expect(friendDays.length).toBeGreaterThan(7);
  });

  it('leaves rollups equal to a full recount of the moved ledger and events', async () => {
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      const rollup = await db.query(
        `SELECT hour, delivered::int, clicks::int FROM reach_hourly
         WHERE scope = 'channel' AND (delivered <> 0 OR clicks <> 0) ORDER BY hour`,
      );
      const recount = await db.query(
        `SELECT hour, sum(delivered)::int AS delivered, sum(clicks)::int AS clicks FROM (
           SELECT date_bin('1 hour', sent_at, TIMESTAMPTZ '2000-01-01') AS hour, 1 AS delivered, 0 AS clicks
           FROM blast_deliveries WHERE state = 'sent'
           UNION ALL
           SELECT date_bin('1 hour', occurred_at, TIMESTAMPTZ '2000-01-01'), 0, 1
           FROM reach_events WHERE kind = 'click'
         ) AS c GROUP BY hour ORDER BY hour`,
      );
      expect(rollup.rows).toEqual(recount.rows);
      expect(rollup.rows.length).toBeGreaterThanOrEqual(DEMO_CAMPAIGNS.length);
    } finally {
      await db.end();
    }
  });

  it('has a sampled estimate of follows through Kakao’s own button', async () => {
    const campaigns = await stack.call<{ id: string; name: string }[]>(
      Role.Manager,
      'GET',
      '/api/campaigns?range=[0,49]',
    );
    const estimatedName = DEMO_CAMPAIGNS[DEMO_CAMPAIGNS.length - 2]?.name;
    const estimated = campaigns.body.find((campaign) => campaign.name === estimatedName);
    const estimates = await stack.call<{ state: string; sampleSize: number }[]>(
      Role.Manager,
      'GET',
      `/api/campaigns/${estimated?.id}/reach-estimates`,
    );
    expect(estimates.body).toEqual([expect.objectContaining({ state: 'done' })]);
  });

  it('rebuilds rollups to the same figures, for admins only', async () => {
    const before = await stack.call<Summary>(
      Role.Manager,
      'GET',
      `/api/reach/summary?from=${since(30)}`,
    );
    expect((await stack.call(Role.Manager, 'POST', '/api/reach/rebuild')).status).toBe(403);
    expect((await stack.call(Role.Admin, 'POST', '/api/reach/rebuild')).status).toBe(200);
    const after = await stack.call<Summary>(
      Role.Manager,
      'GET',
      `/api/reach/summary?from=${since(30)}`,
    );
    expect(after.body.totals).toEqual(before.body.totals);
  });

  it('runs once: a channel with blasts is left alone', async () => {
    expect(await seed()).toEqual({ seeded: false, reason: 'the channel already has blasts' });
  });
});
