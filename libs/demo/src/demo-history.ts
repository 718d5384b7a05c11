import { DateTime } from 'luxon';

import { forEachLimited, seededRandom } from '@app/common';
import {
  type ApiClient,
  type ApiResponse,
  createAuthedClient,
  registerSandboxRecipients,
  sandboxControl,
  type SandboxUser,
} from '@app/console-http';

import { type DemoAgingService } from './demo-aging.service';
import {
  DEMO_AUDIENCES,
  DEMO_CAMPAIGNS,
  type DemoAudienceKey,
  type DemoCampaign,
  demoRecipientProfile,
  demoShiftMs,
  REOPEN_SHARE,
} from './demo-plan';

export interface DemoHistoryOptions {
  apiUrl: string;
  sandboxUrl: string;
  /** The sandbox app behind the channel (its users become the recipients). */
  appId: number;
  channelId: string;
  channelPublicId: string;
  /** The channel's time zone: blasts land at their hour there. */
  timeZone: string;
  /** Signs in as `<role>@<domain>`, one user per role in the channel. */
  emailDomain: string;
  password: string;
  recipients: number;
  aging: DemoAgingService;
  /** Same seed, same history. */
  seed?: number;
  log?: (message: string) => void;
  /** How long to wait for one publish, blast or estimate. */
  stepTimeoutMs?: number;
}

export type DemoHistoryResult =
  | { seeded: false; reason: string }
  | {
      seeded: true;
      recipients: number;
      campaigns: number;
      delivered: number;
      /** Opens of tracking links, and the deliveries whose link was opened. */
      clicks: number;
      clickers: number;
    };

interface Signed {
  marketer: ApiClient;
  manager: ApiClient;
  scheduler: ApiClient;
  admin: ApiClient;
}

interface InboxMessage {
  message_id: string;
  sent_at: string;
  template: {
    content?: { link?: { web_url?: string } };
    buttons?: { link?: { web_url?: string } }[];
  };
}

const PARALLEL = 16;
const HISTORY_DAYS = Math.max(...DEMO_CAMPAIGNS.map((campaign) => campaign.sentDaysAgo)) + 1;

function expectStatus<T>(answer: ApiResponse<T>, status: number, what: string): T {
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not finish in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function expectPage(answer: Promise<Response>, status: number): Promise<void> {
  const response = await answer;
  await response.arrayBuffer();
  if (response.status !== status) {
    throw new Error(`${response.url}: ${response.status}, expected ${status}`);
  }
}

function totalOf(answer: ApiResponse<unknown>): number {
  return Number(answer.headers.get('content-range')?.split('/')[1] ?? 0);
}

/**
 * A few weeks of a channel's life, made through the console's own API against the Kakao sandbox
 * so that a first look at the dashboard is not empty: recipients with channel relations,
 * audiences, campaigns approved and published, a tracked blast for each, clicks and follows on our
 * landing page, taps on Kakao's own button, and a sampled follow estimate. Everything runs today
 * and is then moved back to the day each blast stands for; the reach rollups are rebuilt.
 * Runs once: a channel that already has blasts is left alone.
 */
export async function seedDemoHistory(options: DemoHistoryOptions): Promise<DemoHistoryResult> {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.stepTimeoutMs ?? 120_000;
  const random = seededRandom(options.seed ?? 20_261_206);
  const signIn = (role: keyof Signed) =>
    createAuthedClient(options.apiUrl, {
      email: `${role}@${options.emailDomain}`,
      password: options.password,
      channelId: options.channelId,
    });
  const as: Signed = {
    marketer: await signIn('marketer'),
    manager: await signIn('manager'),
    scheduler: await signIn('scheduler'),
    admin: await signIn('admin'),
  };
  if (totalOf(await as.scheduler.get('/api/blasts?range=[0,0]')) > 0) {
    return { seeded: false, reason: 'the channel already has blasts' };
  }

  log(`registering ${options.recipients} recipients`);
  const profiles = Array.from({ length: options.recipients }, (_, index) =>
    demoRecipientProfile(index, random),
  );
  const users = await registerSandboxRecipients({
    apiUrl: options.apiUrl,
    sandboxUrl: options.sandboxUrl,
    appId: options.appId,
    channelId: options.channelId,
    count: options.recipients,
    asAdmin: (method, path, body) => as.admin.request(method, path, body),
    profile: (index) => {
      const { nickname, tags, attributes } = profiles[index];
      return { nickname, tags, attributes };
    },
  });
  await syncRelations(options, as, users, profiles, timeoutMs);

  const audiences = await createAudiences(as);
  let delivered = 0;
  let clicks = 0;
  let clickers = 0;
  const campaignIds: string[] = [];
  for (const campaign of DEMO_CAMPAIGNS) {
    log(`${campaign.name}: publishing and sending`);
    const campaignId = await publishCampaign(as, campaign, timeoutMs);
    campaignIds.push(campaignId);
    // Messages the sandbox stamped from here on are this blast's (same machine, same clock).
    const startedAt = new Date();
    const { blastId, sent } = await sendBlast(as, campaign, campaignId, audiences, timeoutMs);
    delivered += sent;
    const acted = await actOnMessages(options, campaign, users, startedAt, random);
    clicks += acted.clicks;
    clickers += acted.clickers;
    await options.aging.moveBlastBack(
      blastId,
      campaignId,
      demoShiftMs(campaign, startedAt, options.timeZone),
    );
  }

  // The newest big campaign gets a sampled check of follows made through Kakao's own button.
  const estimated = campaignIds[campaignIds.length - 2];
  if (estimated !== undefined) {
    log('estimating follows through Kakao’s own button (sampled)');
    await estimateFollows(as, estimated, timeoutMs);
  }
  await options.aging.settleRecipients(options.channelId, HISTORY_DAYS);
  expectStatus(await as.admin.post('/api/reach/rebuild'), 200, 'reach rebuild');
  return {
    seeded: true,
    recipients: users.length,
    campaigns: DEMO_CAMPAIGNS.length,
    delivered,
    clicks,
    clickers,
  };
}

/** Sets each person's relation to the channel on Kakao's side and lets the console find out. */
async function syncRelations(
  options: DemoHistoryOptions,
  as: Signed,
  users: SandboxUser[],
  profiles: { relation: 'ADDED' | 'BLOCKED' | 'NONE' }[],
  timeoutMs: number,
): Promise<void> {
  const related = users.filter((_, index) => profiles[index]?.relation !== 'NONE');
  await forEachLimited(related, PARALLEL, async (user) => {
    await sandboxControl(options.sandboxUrl, 'POST', `users/${user.user_id}/channels`, {
      channel_public_id: options.channelPublicId,
      relation: profiles[users.indexOf(user)]?.relation,
    });
  });
  const added = profiles.filter((profile) => profile.relation === 'ADDED').length;
  expectStatus(await as.admin.post('/api/recipients/relation-sync'), 202, 'relation sync');
  const filter = encodeURIComponent(JSON.stringify({ channelRelation: ['ADDED'] }));
  await waitFor(
    'the channel relation sync',
    timeoutMs,
    async () => totalOf(await as.scheduler.get(`/api/recipients?filter=${filter}&range=[0,0]`)),
    (count) => count >= added,
  );
}

async function createAudiences(as: Signed): Promise<Record<DemoAudienceKey, string>> {
  const ids: Partial<Record<DemoAudienceKey, string>> = {};
  for (const [key, audience] of Object.entries(DEMO_AUDIENCES) as [
    DemoAudienceKey,
    (typeof DEMO_AUDIENCES)[DemoAudienceKey],
  ][]) {
    const created = await as.scheduler.post<{ id: string }>('/api/audiences', {
      name: audience.name,
      kind: 'dynamic',
      rules: audience.rules,
    });
    ids[key] = expectStatus(created, 201, `audience ${audience.name}`).id;
  }
  return ids as Record<DemoAudienceKey, string>;
}

/** Written by the marketer, approved by the manager, published as a public event. */
async function publishCampaign(
  as: Signed,
  campaign: DemoCampaign,
  timeoutMs: number,
): Promise<string> {
  // The event takes place five days after its announcement, in the afternoon.
  const day = DateTime.now()
    .setZone('Asia/Seoul')
    .startOf('day')
    .minus({ days: campaign.sentDaysAgo - 5 });
  const created = await as.marketer.post<{ id: string }>('/api/campaigns', {
    name: campaign.name,
    tags: campaign.tags,
    content: {
      title: campaign.title,
      description: campaign.description,
      allDay: false,
      startsAt: day.set({ hour: 13 }).toISO(),
      endsAt: day.set({ hour: 20 }).toISO(),
      timeZone: 'Asia/Seoul',
      location: { name: campaign.location },
      reminders: [60],
    },
  });
  const { id } = expectStatus(created, 201, `campaign ${campaign.name}`);
  expectStatus(await as.marketer.post(`/api/campaigns/${id}/submit`, {}), 200, 'submit');
  expectStatus(
    await as.manager.post(`/api/campaigns/${id}/approve`, { comment: '좋아요, 진행해 주세요' }),
    200,
    'approve',
  );
  expectStatus(await as.marketer.post(`/api/campaigns/${id}/publish`), 202, 'publish');
  await waitFor(
    `publishing ${campaign.name}`,
    timeoutMs,
    async () => (await as.marketer.get<{ syncState: string }>(`/api/campaigns/${id}`)).body,
    (body) => body.syncState === 'published',
  );
  return id;
}

async function sendBlast(
  as: Signed,
  campaign: DemoCampaign,
  campaignId: string,
  audiences: Record<DemoAudienceKey, string>,
  timeoutMs: number,
): Promise<{ blastId: string; sent: number }> {
  const blast = await as.scheduler.post<{ id: string }>('/api/blasts', {
    name: campaign.name,
    message: {
      idType: 'event',
      campaignId,
      title: campaign.title,
      description: campaign.description,
      webUrl: 'https://example.com/events',
      button: { title: '자세히 보기', webUrl: 'https://example.com/events' },
      tracking: true,
    },
    audienceId: audiences[campaign.audience],
    schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
    ratePerSecond: 500,
    // Sent today, standing for a day in the past: the quiet hours of today do not apply.
    quietHours: false,
  });
  const { id: blastId } = expectStatus(blast, 201, `blast ${campaign.name}`);
  const run = await as.scheduler.post<{ id: string }>(`/api/blasts/${blastId}/start`);
  const { id: runId } = expectStatus(run, 202, 'blast start');
  const progress = await waitFor(
    `the blast ${campaign.name}`,
    timeoutMs,
    async () =>
      (
        await as.scheduler.get<{ state: string; counts: { sent: number } }>(
          `/api/blast-runs/${runId}`,
        )
      ).body,
    (body) => body.state === 'completed',
  );
  return { blastId, sent: progress.counts.sent };
}

/**
 * What recipients do with the message: some open its link (a click, counted by us), some of
 * those follow on our landing page, and some tap Kakao's own button (which only a sample can see).
 */
async function actOnMessages(
  options: DemoHistoryOptions,
  campaign: DemoCampaign,
  users: SandboxUser[],
  sentSince: Date,
  random: () => number,
): Promise<{ clicks: number; clickers: number }> {
  const counted = { clicks: 0, clickers: 0 };
  await forEachLimited(users, PARALLEL, async (user) => {
    const [click, reopen, follow, tap] = [random(), random(), random(), random()];
    if (click >= campaign.rates.click && tap >= campaign.rates.kakaoFollow) {
      return;
    }
    const inbox = await sandboxControl<{ total: number; messages: InboxMessage[] }>(
      options.sandboxUrl,
      'GET',
      `users/${user.user_id}/messages?limit=1000`,
    );
    const message = inbox.messages[inbox.messages.length - 1];
    const link = message?.template.content?.link?.web_url;
    if (!message || !link || new Date(message.sent_at) < sentSince) {
      return; // not in this blast's audience
    }
    if (click < campaign.rates.click) {
      // The tracking link and the landing page are what a person opens in a browser.
      const path = new URL(link).pathname;
      // A second open taps the message's button: the same link again at once counts once.
      const button = message.template.buttons?.[0]?.link?.web_url;
      const opened = reopen < REOPEN_SHARE && button ? [path, new URL(button).pathname] : [path];
      for (const openedPath of opened) {
        await expectPage(fetch(`${options.apiUrl}${openedPath}`, { redirect: 'manual' }), 302);
      }
      counted.clicks += opened.length;
      counted.clickers += 1;
      if (follow < campaign.rates.landingFollow) {
        const follow = `${options.apiUrl}${path.replace('/r/', '/l/')}/follow`;
        await expectPage(fetch(follow, { method: 'POST' }), 200);
      }
    }
    if (tap < campaign.rates.kakaoFollow) {
      await sandboxControl(options.sandboxUrl, 'POST', `messages/${message.message_id}/tap`, {
        button: 'fixed',
      });
    }
  });
  return counted;
}

async function estimateFollows(as: Signed, campaignId: string, timeoutMs: number): Promise<void> {
  const requested = await as.manager.post<{ id: string }>(
    `/api/campaigns/${campaignId}/reach-estimates`,
    { kind: 'follow', quotaBudget: 80 },
  );
  const { id } = expectStatus(requested, 202, 'reach estimate');
  await waitFor(
    'the follow estimate',
    timeoutMs,
    async () => (await as.manager.get<{ state: string }>(`/api/reach-estimates/${id}`)).body,
    (body) => body.state === 'done' || body.state === 'failed',
  );
}
