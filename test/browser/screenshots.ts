// `npm run screenshots`: starts the console (test stack: own database, sandbox, API serving the
// built admin, worker), seeds a few campaigns in every state, and writes PNGs of the main screens
// in Korean and English to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import path from 'node:path';

import { type Browser, type Page } from 'playwright-core';

import { KakaoClient, timedEventTime } from '@app/kakao-client';
import {
  everyoneAudience,
  expectEventually,
  sandboxControl,
  seedDemoHistoryIn,
  seedSandboxRecipients,
} from '@app/testing';

import { AppShell } from './pages/app-shell.page';
import { BlastShowPage } from './pages/blast-show.page';
import { BlastWizardPage } from './pages/blast-wizard.page';
import { CampaignShowPage } from './pages/campaign-show.page';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { ReachDashboardPage } from './pages/reach-dashboard.page';
import { RecipientsPage } from './pages/recipients.page';
import { WebhooksPage } from './pages/webhooks.page';
import { repositoryRoot } from './support/admin-build';
import { launchBrowser, newPage } from './support/browser';
import {
  type CampaignRecord,
  type ConsoleStack,
  Role,
  startConsoleStack,
  TEST_PASSWORD,
} from './support/console-stack';
import { type HomeSeed, seedHomes } from './support/home-seed';

const OUT = path.join(repositoryRoot, 'docs', 'screenshots');
const DAY_MS = 24 * 3600 * 1000;

/** Banner pictures for the previews, drawn here (the screenshots never reach the internet). */
function bannerSvg(url: string): string {
  const mobile = url.includes('mobile');
  const [width, height] = mobile ? [640, 400] : [1200, 300];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#fee500"/><stop offset="1" stop-color="#ff8f1f"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <text x="50%" y="48%" font-family="NanumGothic, sans-serif" font-size="${mobile ? 44 : 56}" font-weight="700" text-anchor="middle" fill="#3c1e1e">성수 팝업 스토어</text>
  <text x="50%" y="68%" font-family="NanumGothic, sans-serif" font-size="${mobile ? 26 : 30}" text-anchor="middle" fill="#3c1e1e">SEONGSU POP-UP · ${mobile ? 'MOBILE' : 'PC'}</text>
</svg>`;
}

/** `YYYY-MM-DD` of a day in the month shown by the calendar screenshot. */
function dayIn(month: string, day: number): string {
  return `${month}-${String(day).padStart(2, '0')}`;
}

interface Seeded {
  month: string;
  popUp: CampaignRecord;
  live: CampaignRecord;
}

async function seed(app: ConsoleStack): Promise<Seeded> {
  const target = new Date(Date.now() + 14 * DAY_MS);
  const month = target.toISOString().slice(0, 7);
  const timed = (date: string, from: string, to: string) => ({
    allDay: false,
    startsAt: `${date}T${from}:00+09:00`,
    endsAt: `${date}T${to}:00+09:00`,
    timeZone: 'Asia/Seoul',
  });

  await app.stack.call(Role.Admin, 'POST', '/api/subscribe-calendars/sync', {});

  const popUp = await app.createCampaign(Role.Marketer, {
    name: 'Seongsu pop-up',
    tags: ['seoul', 'popup'],
    notes: 'Booth 3, ask the venue for the power plan.',
    content: {
      title: '성수 팝업 스토어',
      description: '성수동에서 3일 동안 열리는 팝업 스토어.\n사전 예약 고객에게 굿즈를 드립니다.',
      ...timed(dayIn(month, 10), '11:00', '20:00'),
      rrule: 'FREQ=DAILY;COUNT=3',
      location: { name: '성수 XYZ 스페이스', address: '서울 성동구 성수이로 00' },
      reminders: [60, 1440],
      color: 'MINT',
      banner: {
        pcImageUrl: 'https://cdn.example.com/popup-pc.png',
        mobileImageUrl: 'https://cdn.example.com/popup-mobile.png',
        bgColor: '#FEE500',
        webUrl: 'https://example.com/popup',
        mobileWebUrl: 'https://m.example.com/popup',
      },
      reminderButton: { title: '예약하기', webUrl: 'https://example.com/popup/book' },
    },
  });
  const live = await app.createCampaign(Role.Marketer, {
    name: 'Weekend live',
    tags: ['live'],
    content: {
      title: '주말 라이브 방송',
      ...timed(dayIn(month, 5), '20:00', '21:00'),
      rrule: 'FREQ=WEEKLY;BYDAY=SA,SU;COUNT=8',
      color: 'VIOLET',
      reminders: [10],
    },
  });
  const sale = await app.createCampaign(Role.Marketer, {
    name: 'Year-end sale',
    tags: ['sale'],
    content: {
      title: '연말 감사 세일',
      allDay: true,
      startDate: dayIn(month, 20),
      endDate: dayIn(month, 23),
      timeZone: 'Asia/Seoul',
      color: 'RED',
      reminders: [-540],
    },
  });
  await app.createCampaign(Role.Marketer, {
    name: 'Member night',
    tags: ['vip'],
    content: {
      title: '멤버십 나이트',
      ...timed(dayIn(month, 15), '19:00', '22:00'),
      color: 'NAVY_BLUE',
    },
  });

  const published = await app.publish(popUp.id);
  await app.publish(live.id);
  await app.stack.call(Role.Marketer, 'POST', `/api/campaigns/${sale.id}/submit`, {
    comment: '할인율 확인 부탁드립니다',
  });

  // An edit after publishing: a second revision to compare, "changed since publish".
  const current = await app.stack.call<{ version: number }>(
    Role.Marketer,
    'GET',
    `/api/campaigns/${live.id}`,
  );
  await app.stack.call(Role.Marketer, 'PUT', `/api/campaigns/${live.id}`, {
    version: current.body.version,
    name: 'Weekend live',
    tags: ['live', 'shopping'],
    content: {
      title: '주말 라이브 쇼핑',
      ...timed(dayIn(month, 5), '20:00', '21:30'),
      rrule: 'FREQ=WEEKLY;BYDAY=SA,SU;COUNT=8',
      color: 'VIOLET',
      reminders: [10, 60],
    },
  });

  // Someone edits the pop-up at Kakao behind the console's back, and makes an event by hand.
  const kakao = new KakaoClient({
    apiBaseUrl: app.stack.sandboxUrl,
    authBaseUrl: app.stack.sandboxUrl,
    retries: 0,
  });
  const call = {
    adminKey: app.stack.sandboxApp.admin_key,
    channelPublicId: app.stack.sandboxApp.channels[0]?.channel_public_id ?? '',
  };
  try {
    await kakao.publicEvents.updatePublicEvent(
      published.kakaoEventId ?? '',
      { title: '성수 팝업 스토어 (현장 변경)' },
      { ...call, recurUpdateType: 'ALL' },
    );
    const start = new Date(`${dayIn(month, 27)}T02:00:00Z`);
    await kakao.publicEvents.createPublicEvent(
      {
        title: '카카오에서 직접 만든 쿠폰 이벤트',
        time: timedEventTime({
          start,
          end: new Date(start.getTime() + 2 * 3600 * 1000),
          timeZone: 'Asia/Seoul',
        }),
      },
      call,
    );
  } finally {
    await kakao.close();
  }
  await app.stack.call(Role.Manager, 'POST', '/api/campaigns/reconcile', {});
  await expectEventually(
    async () => {
      const answer = await app.stack.call<unknown[]>(Role.Admin, 'GET', '/api/unmanaged-events');
      if (answer.body.length === 0) {
        throw new Error('the reconcile job has not listed the event yet');
      }
    },
    { timeoutMs: 30_000 },
  );
  return { month, popUp, live };
}

async function signedIn(browser: Browser, app: ConsoleStack, role: Role, locale: 'ko' | 'en') {
  const page = await newPage(browser, locale === 'ko' ? 'ko-KR' : 'en-US');
  await page.route('https://cdn.example.com/**', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: bannerSvg(route.request().url()) }),
  );
  await new LoginPage(page, app.url).signIn(app.emailOf(role), TEST_PASSWORD);
  const shell = new AppShell(page, app.url);
  if (locale === 'en') {
    await shell.switchLanguage('English');
    await page.waitForSelector(`${shell.elements.menu} >> text=Campaigns`);
  }
  return { page, shell };
}

/** Waits for react-admin to settle (no spinner, images decoded) and writes the PNG. */
async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.RaLoadingIndicator-loadedIcon, [role="progressbar"]')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  ${path.relative(repositoryRoot, file)}`);
}

async function screens(browser: Browser, app: ConsoleStack, data: Seeded, locale: 'ko' | 'en') {
  const prefix = (name: string) => `${locale}-${name}`;

  const loginPage = await newPage(browser, locale === 'ko' ? 'ko-KR' : 'en-US');
  await new LoginPage(loginPage, app.url).open();
  if (locale === 'en') {
    // react-admin keeps the chosen language in its store (localStorage, `RaStore.locale`).
    await loginPage.evaluate(`localStorage.setItem('RaStore.locale', '"en"')`);
    await loginPage.reload();
  }
  await shoot(loginPage, prefix('01-login'));
  await loginPage.context().close();

  const { page, shell } = await signedIn(browser, app, Role.Manager, locale);
  const show = new CampaignShowPage(page, shell);
  await shell.go('campaigns');
  await page.waitForSelector('tbody tr');
  await shoot(page, prefix('02-campaigns'));

  await show.open(data.popUp.id);
  await shoot(page, prefix('03-campaign-summary'), true);
  await shell.go(`campaigns/${data.popUp.id}/show/kakao`);
  await page.waitForSelector(show.elements.kakaoCopy);
  await shoot(page, prefix('04-kakao-copy'), true);
  await shell.go(`campaigns/${data.live.id}/show/revisions`);
  await page.waitForSelector('[data-testid="revision-diff"]');
  await shoot(page, prefix('05-revisions-diff'), true);
  await shell.go(`campaigns/${data.popUp.id}/show/share`);
  await page.waitForSelector(show.elements.shareSnippet);
  await shoot(page, prefix('06-share-snippet'));
  await shell.go(`calendar?month=${data.month}`);
  await page.waitForSelector('[data-testid="calendar-campaign"]');
  await shoot(page, prefix('07-calendar'));
  await shell.go('unmanaged-events');
  await page.waitForSelector('tbody tr');
  await shoot(page, prefix('08-unmanaged-events'));
  await shell.go('audit-log');
  await page.waitForSelector('tbody tr');
  await shoot(page, prefix('09-audit-log'));
  await page.context().close();

  const marketer = await signedIn(browser, app, Role.Marketer, locale);
  await marketer.shell.go(`campaigns/${data.popUp.id}`);
  await marketer.page.waitForSelector('[data-testid="recurrence-summary"]');
  await shoot(marketer.page, prefix('10-campaign-edit'), true);
  await marketer.page.context().close();

  const admin = await signedIn(browser, app, Role.Admin, locale);
  await admin.shell.go('subscribe-calendars');
  await admin.page.waitForSelector('tbody tr');
  await shoot(admin.page, prefix('11-subscribe-calendars'));
  await admin.shell.go('users');
  await admin.page.waitForSelector('tbody tr');
  await shoot(admin.page, prefix('12-users'));
  // One's own account: changing the password asks for the current one, and a guessable new one
  // is refused under the field, in the reader's language.
  const me = await app.stack.call<{ id: string }>(Role.Admin, 'GET', '/api/auth/me');
  await admin.shell.go(`users/${me.body.id}`);
  await admin.page.fill('input[name="password"]', 'password1234');
  await admin.page.fill('input[name="currentPassword"]', TEST_PASSWORD);
  await admin.page.click('button[type="submit"]');
  await admin.page.waitForSelector(
    '.ra-input-password .Mui-error, [id="password-helper-text"].Mui-error',
  );
  await shoot(admin.page, prefix('14-own-account'));
  await admin.shell.go(`channels/${app.stack.channel.id}`);
  await admin.page.waitForSelector('[class~="ra-input-timeZone"]');
  await shoot(admin.page, prefix('13-channel-settings'));
  await admin.page.context().close();
}

interface RecipientScreens {
  recipientId: string;
  audienceId: string;
  /** A CSV with one row of an unknown recipient, for the import dialog. */
  csv: string;
}

/** Recipients the channel's backend registered (tags, attributes), one opted out, an audience. */
async function seedRecipients(app: ConsoleStack): Promise<RecipientScreens> {
  const { stack } = app;
  const people = [
    { nickname: '김민지', tags: ['seoul', 'vip'], attributes: { age: 31, plan: 'gold' } },
    { nickname: '이서준', tags: ['seoul'], attributes: { age: 27, plan: 'silver' } },
    { nickname: '박지우', tags: ['busan', 'popup'], attributes: { age: 45, plan: 'gold' } },
    { nickname: '최하은', tags: ['seoul', 'popup'], attributes: { age: 38 } },
    { nickname: '정도윤', tags: ['daegu'], attributes: { age: 22, plan: 'bronze' } },
    { nickname: '강예린', tags: ['seoul', 'staff'], attributes: { age: 35, plan: 'gold' } },
  ];
  const { users } = await sandboxControl<{ users: { user_id: number; access_token: string }[] }>(
    stack.sandboxUrl,
    'POST',
    `apps/${stack.sandboxApp.app_id}/users/bulk`,
    { count: people.length },
  );
  const key = await stack.call<{ key: string }>(
    Role.Admin,
    'POST',
    `/api/channels/${stack.channel.id}/ingest-keys`,
    { name: 'screenshots' },
  );
  const ingested = await stack.call<{ recipients: { id: string }[] }>(
    null,
    'POST',
    '/api/ingest/recipients',
    {
      recipients: users.map((user, index) => ({
        kakaoUserId: String(user.user_id),
        accessToken: user.access_token,
        scopes: ['talk_message', 'talk_calendar'],
        ...people[index],
      })),
    },
    { 'x-api-key': key.body.key },
  );
  const ids = ingested.body.recipients.map((recipient) => recipient.id);
  await stack.call(Role.Scheduler, 'DELETE', `/api/recipients/${ids[4]}`);
  const audience = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
    name: 'Seoul VIP',
    description: 'Gold members in Seoul, or anyone who came to a pop-up',
    kind: 'dynamic',
    rules: {
      combinator: 'and',
      children: [
        { field: 'consentState', operator: 'eq', value: 'active' },
        {
          combinator: 'or',
          children: [
            { field: 'attributes.plan', operator: 'eq', value: 'gold' },
            { field: 'tags', operator: 'hasAny', value: ['popup'] },
          ],
        },
        { field: 'lastDeliveredAt', operator: 'notWithinDays', value: 7 },
      ],
    },
    exclude: {
      rules: {
        combinator: 'or',
        children: [{ field: 'tags', operator: 'hasAny', value: ['staff'] }],
      },
    },
  });
  const csv = [
    'kakao_user_id,tags,plan',
    `${users[1].user_id},vip,gold`,
    `${users[3].user_id},vip,silver`,
    '999999999999,vip,gold',
  ].join('\n');
  return { recipientId: ids[0], audienceId: audience.body.id, csv };
}

async function recipientScreens(
  browser: Browser,
  app: ConsoleStack,
  data: RecipientScreens,
  locale: 'ko' | 'en',
) {
  const prefix = (name: string) => `${locale}-${name}`;
  const { page, shell } = await signedIn(browser, app, Role.Scheduler, locale);
  await shell.go('recipients');
  await page.waitForSelector('tbody tr');
  await shoot(page, prefix('20-recipients'));
  await shell.go(`recipients/${data.recipientId}/show`);
  await page.waitForSelector('[data-testid="recipient-attributes"]');
  await shoot(page, prefix('21-recipient'), true);
  await shell.go(`audiences/${data.audienceId}`);
  await page.waitForSelector('[data-testid="live-size"][data-state="ready"]');
  await shoot(page, prefix('22-audience-rules'), true);
  await shell.go(`audiences/${data.audienceId}/show`);
  await page.waitForSelector('[data-testid="rule-tree"]');
  await shoot(page, prefix('23-audience'), true);

  const recipients = new RecipientsPage(page, shell);
  await recipients.open();
  await recipients.importCsv(`vip-${locale}.csv`, data.csv);
  await recipients.waitForImport();
  await page.waitForSelector(recipients.elements.errorReport);
  await shoot(page, prefix('24-recipient-import'));
  await page.context().close();
}

interface BlastScreens {
  /** A blast whose run reached everyone. */
  sentId: string;
}

/** A blast sent to the channel's subscribers (run completed) and a recurring draft. */
async function seedBlasts(app: ConsoleStack, data: Seeded): Promise<BlastScreens> {
  const { stack } = app;
  await seedSandboxRecipients(stack, 40);
  const audienceId = await everyoneAudience(stack, 'All subscribers');
  const create = async (body: object): Promise<string> => {
    const answer = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/blasts', body);
    if (answer.status !== 201) {
      throw new Error(`blast: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body.id;
  };
  const sentId = await create({
    name: 'Seongsu pop-up blast',
    message: {
      idType: 'event',
      campaignId: data.popUp.id,
      title: '성수 팝업 스토어',
      description: '4/10–4/12 성수동\n사전 예약 고객에게 굿즈를 드립니다.',
      imageUrl: 'https://cdn.example.com/popup-mobile.png',
      imageWidth: 640,
      imageHeight: 400,
      webUrl: 'https://example.com/popup',
      button: { title: '예약하기', webUrl: 'https://example.com/popup/book' },
    },
    audienceId,
    schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
    ratePerSecond: 20,
    quietHours: false,
  });
  const run = await stack.call<{ id: string }>(
    Role.Scheduler,
    'POST',
    `/api/blasts/${sentId}/start`,
  );
  await expectEventually(
    async () => {
      const progress = await stack.call<{ state: string }>(
        Role.Scheduler,
        'GET',
        `/api/blast-runs/${run.body.id}`,
      );
      if (progress.body.state !== 'completed') {
        throw new Error(`the run is still ${progress.body.state}`);
      }
    },
    { timeoutMs: 60_000 },
  );
  await create({
    name: 'Weekend live reminder',
    message: {
      idType: 'event',
      campaignId: data.live.id,
      title: '주말 라이브 쇼핑',
      description: '토요일 저녁 8시, 라이브로 만나요',
      webUrl: 'https://example.com/live',
    },
    audienceId,
    schedule: {
      kind: 'recurring',
      at: `${new Date(Date.now() + 2 * DAY_MS).toISOString().slice(0, 10)}T19:00`,
      timeZone: 'Asia/Seoul',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      onlyNotReached: false,
    },
    ratePerSecond: 100,
  });
  return { sentId };
}

/** The blast list, a finished run's detail, and the wizard (message with its preview, review). */
async function blastScreens(
  browser: Browser,
  app: ConsoleStack,
  data: BlastScreens,
  locale: 'ko' | 'en',
) {
  const prefix = (name: string) => `${locale}-${name}`;
  const { page, shell } = await signedIn(browser, app, Role.Scheduler, locale);
  await shell.go('blasts');
  await page.waitForSelector('[data-testid="run-progress-bar"][data-percent="100"]');
  await shoot(page, prefix('30-blasts'));

  const show = new BlastShowPage(page, shell);
  await show.open(data.sentId);
  await show.waitForState('completed');
  await page.waitForSelector(show.elements.ledgerRows);
  await shoot(page, prefix('31-blast-detail'), true);

  const wizard = new BlastWizardPage(page, shell);
  await wizard.openCreate();
  await wizard.fillMessage({
    name: 'Pop-up last call',
    campaign: 'Seongsu pop-up',
    title: locale === 'ko' ? '성수 팝업 스토어 마지막 날' : 'Seongsu pop-up: last day',
    description:
      locale === 'ko'
        ? '오늘 저녁 8시까지 열려요.\n캘린더에 추가하고 알림을 받아 보세요.'
        : 'Open until 8 pm today.\nAdd it to your calendar for a reminder.',
    webUrl: 'https://example.com/popup',
    button: { title: locale === 'ko' ? '예약하기' : 'Book', webUrl: 'https://example.com/book' },
  });
  await page.waitForSelector(`${wizard.elements.preview} [data-testid="preview-image"]`);
  await shoot(page, prefix('32-blast-wizard'), true);
  await wizard.next();
  await wizard.waitForStep('audience');
  await wizard.pick('audienceId', 'All subscribers');
  for (const step of ['schedule', 'delivery', 'review']) {
    await wizard.next();
    await wizard.waitForStep(step);
  }
  await wizard.estimatedRecipients();
  await shoot(page, prefix('33-blast-review'), true);
  await page.context().close();
}

/** The reach dashboard, where managers land: a channel with the demo's weeks of history. */
async function reachScreens(browser: Browser, app: ConsoleStack, locale: 'ko' | 'en') {
  const { page, shell } = await signedIn(browser, app, Role.Manager, locale);
  const dashboard = new ReachDashboardPage(page, shell);
  await dashboard.open();
  await page.waitForSelector(dashboard.elements.card('delivered'), { timeout: 60_000 });
  await dashboard.seriesPaths();
  await dashboard.funnelBarCount();
  await shoot(page, `${locale}-40-reach-dashboard`, true);
  await page.context().close();
}

/** A webhook endpoint after a test ping: its deliveries, one opened on its attempt log. */
async function webhookScreens(browser: Browser, app: ConsoleStack, locale: 'ko' | 'en') {
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const port = (receiver.address() as AddressInfo).port;
    const { page, shell } = await signedIn(browser, app, Role.Admin, locale);
    const webhooks = new WebhooksPage(page, shell);
    await webhooks.create(
      `http://127.0.0.1:${port}/kakao-console`,
      ['campaign.published', 'blast.finished', 'blast.failed'],
      locale === 'ko' ? 'CRM 연동' : 'CRM sync',
    );
    await webhooks.sendTestPing();
    await expectEventually(
      async () => {
        if (!(await webhooks.deliveryRowTexts()).join(' ').includes('204')) {
          throw new Error('the test ping has not been answered yet');
        }
      },
      { timeoutMs: 20_000, intervalMs: 500 },
    );
    await webhooks.newestAttemptsText();
    await shoot(page, `${locale}-50-webhook`, true);
    await page.context().close();
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
}

const HOME_BLOCKS: Record<Role, string[]> = {
  [Role.Manager]: ['approvals'],
  [Role.Marketer]: ['rejected', 'drifted'],
  [Role.Scheduler]: ['running', 'next'],
  [Role.Admin]: ['keys', 'webhooks'],
};

/** Each role's home, and the approve dialog with the changes since the last approval. */
async function homeScreens(
  browser: Browser,
  app: ConsoleStack,
  seeded: HomeSeed,
  locale: 'ko' | 'en',
) {
  for (const role of Object.values(Role)) {
    const { page, shell } = await signedIn(browser, app, role, locale);
    const home = new HomePage(page, shell);
    await home.open(role);
    for (const block of HOME_BLOCKS[role]) {
      // Headlines show their count once the answer is in; rows follow.
      await page.locator(`${home.elements.title(block)} .MuiSkeleton-root`).waitFor({
        state: 'detached',
      });
    }
    if (role === Role.Scheduler) {
      await page.waitForSelector(
        `${home.elements.rows('running')} [data-testid="run-progress-bar"]`,
      );
    }
    await shoot(page, `${locale}-60-home-${role}`);
    if (role === Role.Manager) {
      await page.click(`${home.elements.rows('approvals')} >> text=Autumn market`);
      await page.waitForURL(new RegExp(`#/campaigns/${seeded.waitingId}/show`));
      await page.click(new CampaignShowPage(page, shell).elements.step('approve'));
      await page.waitForSelector(`${home.elements.approvalDiff} [data-testid="revision-diff"]`);
      await shoot(page, `${locale}-61-approve-diff`);
    }
    await page.context().close();
  }
}

/** `npm run screenshots -- home`: only the home screens (and their seed), in both languages. */
async function homeOnly(browser: Browser): Promise<void> {
  const app = await startConsoleStack();
  try {
    await seed(app);
    const seeded = await seedHomes(app);
    for (const locale of ['ko', 'en'] as const) {
      console.log(`› Home screens in ${locale === 'ko' ? 'Korean' : 'English'}`);
      await homeScreens(browser, app, seeded, locale);
    }
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (process.argv.includes('home')) {
    const browser = await launchBrowser();
    try {
      await homeOnly(browser);
    } finally {
      await browser.close();
    }
    return;
  }
  console.log('› Starting the console (test stack) and seeding campaigns');
  // The webhook screens' receiver listens on this machine, which webhooks reach only when admitted.
  const app = await startConsoleStack({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
  const browser = await launchBrowser();
  try {
    const data = await seed(app);
    const recipients = await seedRecipients(app);
    for (const locale of ['ko', 'en'] as const) {
      console.log(`› Screens in ${locale === 'ko' ? 'Korean' : 'English'}`);
      await screens(browser, app, data, locale);
      await recipientScreens(browser, app, recipients, locale);
    }
    // After the recipient screens: the blast reaches their recipients too.
    const blasts = await seedBlasts(app, data);
    for (const locale of ['ko', 'en'] as const) {
      console.log(`› Blast screens in ${locale === 'ko' ? 'Korean' : 'English'}`);
      await blastScreens(browser, app, blasts, locale);
    }
    for (const locale of ['ko', 'en'] as const) {
      console.log(`› Webhook screens in ${locale === 'ko' ? 'Korean' : 'English'}`);
      await webhookScreens(browser, app, locale);
    }
    // Last: the homes' seed sends back, pauses and edits at Kakao, which the screens above avoid.
    const homes = await seedHomes(app);
    for (const locale of ['ko', 'en'] as const) {
      console.log(`› Home screens in ${locale === 'ko' ? 'Korean' : 'English'}`);
      await homeScreens(browser, app, homes, locale);
    }
    console.log('› A second channel with the demo history, for the reach dashboard');
    const history = await startConsoleStack();
    try {
      await seedDemoHistoryIn(history.stack, 400);
      for (const locale of ['ko', 'en'] as const) {
        console.log(`› Reach dashboard in ${locale === 'ko' ? 'Korean' : 'English'}`);
        await reachScreens(browser, history, locale);
      }
    } finally {
      await history.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
