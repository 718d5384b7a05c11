import { DateTime } from 'luxon';
import { Client } from 'pg';

import { Role } from '@app/accounts';
import { expectEventually, sandboxControl, startTestStack, type TestStack } from '@app/testing';

// eslint-disable-next-line no-restricted-imports -- the blast e2e fixtures are shared by the e2e suites only
import {
  blastBody,
  everyoneAudience,
  progressOf,
  publishedCampaign,
  type SandboxUser,
  seedRecipients,
  startBlast,
} from '../blasts/blast-fixtures';

jest.setTimeout(120_000);

const RECIPIENTS = 12;

interface InboxMessage {
  template: {
    content: { link: { web_url: string } };
    buttons?: { link: { web_url: string } }[];
  };
}

interface Summary {
  totals: Record<string, number>;
  clickRate: number | null;
  funnel: { step: string; value: number; source: string }[];
  topCampaigns: { id: string; delivered: number }[];
  audiences: { id: string; delivered: number; uniqueClicks: number }[];
  sources: Record<string, string>;
  pendingChanges: number;
}

let stack: TestStack;
let users: SandboxUser[];
let campaignId: string;
let audienceId: string;
let runId: string;

async function linksOf(user: SandboxUser): Promise<{ content: string; button: string }> {
  const inbox = await sandboxControl<{ messages: InboxMessage[] }>(
    stack.sandboxUrl,
    'GET',
    `users/${user.user_id}/messages`,
  );
  const { template } = inbox.messages[0];
  const path = (url: string) => new URL(url).pathname;
  return {
    content: path(template.content.link.web_url),
    button: path(template.buttons?.[0]?.link.web_url ?? ''),
  };
}

function open(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}${path}`, { redirect: 'manual', ...init });
}

async function summary(query = ''): Promise<Summary> {
  const answer = await stack.call<Summary>(Role.Manager, 'GET', `/api/reach/summary${query}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

beforeAll(async () => {
  stack = await startTestStack({ env: { REACH_FOLD_MS: '300' } });
  users = await seedRecipients(stack, RECIPIENTS);
  campaignId = await publishedCampaign(stack);
  audienceId = await everyoneAudience(stack);
  // Tracking is on unless a send-to-me blast says otherwise: the body does not mention it.
  const body = blastBody(campaignId, audienceId);
  expect(body.message).not.toHaveProperty('tracking');
  runId = await startBlast(stack, body);
  await expectEventually(async () =>
    expect((await progressOf(stack, runId)).state).toBe('completed'),
  );
});

afterAll(async () => {
  await stack?.close();
});

describe('tracking links and the landing page', () => {
  it('gives every recipient their own signed links in the message', async () => {
    const all = await Promise.all(users.map(linksOf));
    for (const links of all) {
      expect(links.content).toMatch(/^\/r\/\d+c[A-Za-z0-9_-]{16}$/);
      expect(links.button).toMatch(/^\/r\/\d+b[A-Za-z0-9_-]{16}$/);
    }
    expect(new Set(all.map((links) => links.content)).size).toBe(RECIPIENTS);
    // Its only run done, the one-off blast is finished.
    const blasts = await stack.call<{ state: string }[]>(Role.Scheduler, 'GET', '/api/blasts');
    expect(blasts.body.map((blast) => blast.state)).toEqual(['finished']);
  });

  it('counts each click and redirects to the landing page', async () => {
    const links = await linksOf(users[0]);
    const first = await open(links.content);
    expect(first.status).toBe(302);
    const landing = first.headers.get('location') ?? '';
    expect(landing).toMatch(/\/l\/\d+c[A-Za-z0-9_-]{16}$/);
    expect((await open(links.content)).status).toBe(302);
    expect((await open(links.button)).status).toBe(302);
    expect((await open((await linksOf(users[1])).content)).status).toBe(302);

    const page = await open(new URL(landing).pathname);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Spring Pop-up');
    expect(html).toContain('톡캘린더에 추가');
    expect(html).toContain('https://example.com/popup');
  });

  it('counts a link replayed 100 times within the window as one click', async () => {
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      const clicks = async () =>
        Number(
          (
            await db.query<{ count: string }>(
              `SELECT count(*) FROM reach_events WHERE kind = 'click'`,
            )
          ).rows[0].count,
        );
      const before = await clicks();
      const link = (await linksOf(users[1])).button;
      for (let replay = 0; replay < 100; replay += 1) {
        expect((await open(link)).status).toBe(302);
      }
      expect(await clicks()).toBe(before + 1);
    } finally {
      await db.end();
    }
  });

  it('refuses tampered and unknown tokens without counting them', async () => {
    const links = await linksOf(users[2]);
    const tampered = links.content.replace(/c/, 'b');
    expect((await open(tampered)).status).toBe(404);
    expect((await open('/r/99999999c' + 'A'.repeat(16))).status).toBe(404);
    expect((await open('/l/not-a-token')).status).toBe(404);
  });

  it('follows the public event with the recipient’s own token, once', async () => {
    const landing = (await linksOf(users[0])).content.replace('/r/', '/l/');
    const done = await open(`${landing}/follow`, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('톡캘린더에 담겼어요');
    expect((await open(`${landing}/follow`, { method: 'POST' })).status).toBe(200);

    const stats = await sandboxControl<{ public_events: { followers: number }[] }>(
      stack.sandboxUrl,
      'GET',
      `stats?app_id=${stack.sandboxApp.app_id}`,
    );
    expect(stats.public_events[0].followers).toBe(1);
  });
});

describe('reach rollups', () => {
  it('answer observed totals for the channel and the campaign', async () => {
    // One click per link opened: users[0]'s content (opened twice at once) and button, users[1]'s
    // content and button (replayed 100 times); two recipients clicked.
    await expectEventually(async () => {
      const channel = await summary();
      expect(channel.pendingChanges).toBe(0);
      expect(channel.totals).toMatchObject({
        delivered: RECIPIENTS,
        failed: 0,
        clicks: 4,
        uniqueClicks: 2,
        follows: 1,
      });
    });
    const campaign = await summary(`?campaignId=${campaignId}`);
    expect(campaign.totals).toMatchObject({ delivered: RECIPIENTS, clicks: 4, follows: 1 });
    expect(campaign.clickRate).toBeCloseTo(2 / RECIPIENTS);
    expect(campaign.funnel.map((step) => [step.step, step.value, step.source])).toEqual([
      ['delivered', RECIPIENTS, 'observed'],
      ['uniqueClicks', 2, 'observed'],
      ['follows', 1, 'observed'],
    ]);
    expect((await summary()).topCampaigns).toEqual([
      expect.objectContaining({ id: campaignId, delivered: RECIPIENTS }),
    ]);
    expect(campaign.sources.follows).toContain('observed');
  });

  it('equal a full recount of the ledger, hour by hour', async () => {
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      const rollup = await db.query<{ hour: Date; delivered: string }>(
        `SELECT hour, delivered FROM reach_hourly WHERE scope = 'channel' AND delivered <> 0 ORDER BY hour`,
      );
      const recount = await db.query<{ hour: Date; delivered: string }>(
        `SELECT date_bin('1 hour', sent_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, count(*) AS delivered
         FROM blast_deliveries WHERE state = 'sent' GROUP BY 1 ORDER BY 1`,
      );
      expect(rollup.rows).toEqual(recount.rows);
    } finally {
      await db.end();
    }
  });

  it('serve a gap-free time series and its CSV', async () => {
    const series = await stack.call<{ buckets: { start: string; delivered: number }[] }>(
      Role.Manager,
      'GET',
      '/api/reach/timeseries?granularity=hour&from=' +
        new Date(Date.now() - 24 * 3600 * 1000).toISOString(),
    );
    expect(series.status).toBe(200);
    expect(series.body.buckets.length).toBeGreaterThanOrEqual(24);
    expect(series.body.buckets.reduce((sum, bucket) => sum + bucket.delivered, 0)).toBe(RECIPIENTS);
    const csvLines = async (query: string): Promise<string[]> => {
      const csv = await fetch(`${stack.apiUrl}/api/reach/timeseries.csv${query}`, {
        headers: {
          authorization: `Bearer ${await stack.tokenFor(Role.Manager)}`,
          'x-channel-id': stack.channel.id,
        },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      return (await csv.text()).trim().split('\n');
    };
    const lines = await csvLines('');
    const zone = stack.channel.timeZone;
    expect(lines[0]).toBe(
      `start (${zone}),delivered (observed),failed (observed),clicks (observed),unique clicks (observed),calendar adds (observed),calendar subscriptions (observed),channel friends added (observed),channel blocks (observed)`,
    );
    expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0)).toBe(
      RECIPIENTS,
    );
    // Days are the channel's days, written as it writes them.
    const today = DateTime.now().setZone(zone).toFormat('yyyy-MM-dd');
    expect(lines.at(-1)?.split(',')[0]).toBe(today);

    const korean = await csvLines('?lang=ko&granularity=hour');
    expect(korean[0]).toBe(
      `시작 (${zone}),전달 (관측),실패 (관측),클릭 (관측),순 클릭 (관측),톡캘린더 추가 (관측),캘린더 구독 (관측),채널 친구 추가 (관측),채널 차단 (관측)`,
    );
    expect(korean.at(-1)?.split(',')[0]).toMatch(new RegExp(`^${today} \\d{2}:00$`));
  });

  it('name the field of a bad query and stay closed to marketers', async () => {
    const bad = await stack.call<{ errors: Record<string, string> }>(
      Role.Manager,
      'GET',
      '/api/reach/summary?granularity=week&campaignId=nope',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      granularity: 'must be hour or day',
      campaignId: 'must be a UUID',
    });
    const marketer = await stack.call(Role.Marketer, 'GET', '/api/reach/summary');
    expect(marketer.status).toBe(403);
  });

  it('refuse tracking in friends mode, naming the field', async () => {
    const audienceId = await everyoneAudience(stack);
    const body = blastBody(campaignId, audienceId, { deliveryMode: 'friends' });
    const answer = await stack.call<{ errors: Record<string, string> }>(
      Role.Scheduler,
      'POST',
      '/api/blasts',
      { ...body, message: { ...body.message, tracking: true } },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors['message.tracking']).toContain('send-to-me');
  });
});

describe('reach per audience', () => {
  it('narrows the audience table to the chosen campaign', async () => {
    // The same audience gets a second campaign: channel-wide it has both, per campaign one.
    const other = await publishedCampaign(stack);
    const otherRun = await startBlast(stack, blastBody(other, audienceId));
    await expectEventually(async () =>
      expect((await progressOf(stack, otherRun)).state).toBe('completed'),
    );
    await expectEventually(async () => {
      const channel = await summary();
      expect(channel.pendingChanges).toBe(0);
      expect(channel.audiences).toEqual([
        expect.objectContaining({ id: audienceId, delivered: 2 * RECIPIENTS }),
      ]);
    });
    expect((await summary(`?campaignId=${campaignId}`)).audiences).toEqual([
      expect.objectContaining({ id: audienceId, delivered: RECIPIENTS, uniqueClicks: 2 }),
    ]);
    expect((await summary(`?campaignId=${other}`)).audiences).toEqual([
      expect.objectContaining({ id: audienceId, delivered: RECIPIENTS, uniqueClicks: 0 }),
    ]);
  });
});
