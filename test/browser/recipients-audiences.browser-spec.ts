import { type Browser } from 'playwright-core';

import { expectEventually, sandboxControl } from '@app/testing';

import { AudienceFormPage } from './pages/audience-form.page';
import { RecipientsPage } from './pages/recipients.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

interface SandboxUser {
  user_id: number;
  access_token: string;
  refresh_token: string;
  expires_in: number;
  uuid: string;
}

/** Who the channel's backend registered: three in Seoul, two in Busan, of different ages. */
const PEOPLE = [
  { nickname: 'Seoul 25', tags: ['seoul'], age: 25 },
  { nickname: 'Seoul 35', tags: ['seoul'], age: 35 },
  { nickname: 'Seoul 40', tags: ['seoul'], age: 40 },
  { nickname: 'Busan 50', tags: ['busan'], age: 50 },
  { nickname: 'Busan 20', tags: ['busan'], age: 20 },
];

async function seedRecipients(app: ConsoleStack): Promise<SandboxUser[]> {
  const { stack } = app;
  const { users } = await sandboxControl<{ users: SandboxUser[] }>(
    stack.sandboxUrl,
    'POST',
    `apps/${stack.sandboxApp.app_id}/users/bulk`,
    { count: PEOPLE.length },
  );
  const key = await stack.call<{ key: string }>(
    Role.Admin,
    'POST',
    `/api/channels/${stack.channel.id}/ingest-keys`,
    { name: 'browser test' },
  );
  const answer = await stack.call(
    null,
    'POST',
    '/api/ingest/recipients',
    {
      recipients: users.map((user, index) => ({
        kakaoUserId: String(user.user_id),
        accessToken: user.access_token,
        refreshToken: user.refresh_token,
        expiresIn: user.expires_in,
        uuid: user.uuid,
        scopes: ['talk_message', 'talk_calendar'],
        nickname: PEOPLE[index].nickname,
        tags: PEOPLE[index].tags,
        attributes: { age: PEOPLE[index].age },
      })),
    },
    { 'x-api-key': key.body.key },
  );
  if (answer.status >= 300) {
    throw new Error(`ingest: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return users;
}

describe('recipients and audiences', () => {
  let app: ConsoleStack;
  let browser: Browser;
  let users: SandboxUser[];

  /** What the API itself says of the rules (the live size must show the same). */
  const previewCount = async (rules: object): Promise<number> => {
    const answer = await app.stack.call<{ count: number }>(
      Role.Scheduler,
      'POST',
      '/api/audiences/preview',
      { rules },
    );
    return answer.body.count;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    users = await seedRecipients(app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('builds an audience with nested rules and sees its live size as the API counts it', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const form = new AudienceFormPage(session.page, session.shell);
      await form.openCreate();
      await form.fillName('Seoul adults');
      const top = form.group(0);
      // A new audience starts with "consent is active": everyone here.
      expect(await form.liveSize()).toBe(5);

      const tags = await form.addRule(top);
      await form.setRule(tags, { field: 'tags', operator: 'hasAny', values: ['seoul'] });
      const seoul = {
        combinator: 'and',
        children: [
          { field: 'consentState', operator: 'eq', value: 'active' },
          { field: 'tags', operator: 'hasAny', value: ['seoul'] },
        ],
      };
      expect(await form.liveSize()).toBe(await previewCount(seoul));
      expect(await form.liveSize()).toBe(3);

      // A nested OR group: older than 30, or tagged busan (nobody in Seoul is).
      await form.addGroup(top);
      const nested = form.group(1);
      await form.setRule(form.rowsOf(nested).nth(0), {
        field: 'attribute',
        attribute: 'age',
        operator: 'gt',
        value: '30',
      });
      const busan = await form.addRule(nested);
      await form.setRule(busan, { field: 'tags', operator: 'hasAny', values: ['busan'] });
      const adults = {
        ...seoul,
        children: [
          ...seoul.children,
          {
            combinator: 'or',
            children: [
              { field: 'attributes.age', operator: 'gt', value: 30 },
              { field: 'tags', operator: 'hasAny', value: ['busan'] },
            ],
          },
        ],
      };
      expect(await form.liveSize()).toBe(await previewCount(adults));
      expect(await form.liveSize()).toBe(2);

      await form.save();
      await session.page.waitForSelector(form.elements.ruleTree);
      const saved = await app.stack.call<{ name: string; rules: unknown }[]>(
        Role.Scheduler,
        'GET',
        '/api/audiences',
      );
      expect(saved.body).toEqual([
        expect.objectContaining({ name: 'Seoul adults', rules: adults }),
      ]);
      // The saved audience's page shows the same size.
      await session.page.waitForSelector('[data-testid="live-size"][data-state="ready"]');
      expect(await session.page.getAttribute('[data-testid="live-size-count"]', 'data-count')).toBe(
        '2',
      );
    } finally {
      await session.close();
    }
  });

  it('shows every delivery of a recipient with its blast, run and state', async () => {
    const campaign = await app.createCampaign(Role.Marketer, {
      name: 'Delivered campaign',
      content: {
        title: '팝업 안내',
        allDay: false,
        startsAt: '2030-04-12T10:00:00+09:00',
        endsAt: '2030-04-12T19:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    });
    await app.publish(campaign.id);
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const answer = await app.stack.call<T>(Role.Scheduler, method, path, body);
      if (answer.status >= 300) {
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return answer.body;
    };
    const audience = await call<{ id: string }>('POST', '/api/audiences', {
      name: 'Everyone in Seoul',
      kind: 'dynamic',
      rules: {
        combinator: 'and',
        children: [{ field: 'tags', operator: 'hasAny', value: ['seoul'] }],
      },
    });
    const blast = await call<{ id: string }>('POST', '/api/blasts', {
      name: 'Pop-up reminder',
      message: {
        idType: 'event',
        campaignId: campaign.id,
        title: '팝업 안내',
        webUrl: 'https://example.com/popup',
      },
      audienceId: audience.id,
      schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
      ratePerSecond: 100,
      quietHours: false,
    });
    const run = await call<{ id: string }>('POST', `/api/blasts/${blast.id}/start`);
    await expectEventually(async () => {
      const progress = await call<{ state: string }>('GET', `/api/blast-runs/${run.id}`);
      expect(progress.state).toBe('completed');
    });
    const [recipient] = await call<{ id: string }[]>(
      'GET',
      `/api/recipients?filter=${encodeURIComponent(`{"q":"${PEOPLE[0].nickname}"}`)}`,
    );

    const session = await signInAs(browser, app, Role.Manager);
    try {
      await session.shell.go(`recipients/${recipient.id}/show/deliveries`);
      const row = session.page.locator('tbody tr:has-text("Pop-up reminder")');
      await row.waitFor();
      expect(await row.locator('[data-enum="deliveryState"]').getAttribute('data-value')).toBe(
        'sent',
      );
      expect(await row.locator('[data-enum="runState"]').getAttribute('data-value')).toBe(
        'completed',
      );
    } finally {
      await session.close();
    }
  });

  it('imports a CSV with a bad row: the progress finishes and the error report downloads', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const recipients = new RecipientsPage(session.page, session.shell);
      await recipients.open();
      await session.page.waitForSelector(recipients.elements.row('Seoul 25'));
      const csv = [
        'kakao_user_id,tags,plan',
        `${users[0].user_id},vip,gold`,
        `${users[1].user_id},vip|early,silver`,
        '999999999999,vip,gold',
      ].join('\n');
      await recipients.importCsv('vip.csv', csv);
      expect(await recipients.waitForImport()).toBe('completed');
      expect(
        await session.page.getAttribute(recipients.elements.progressBar, 'aria-valuenow'),
      ).toBe('100');
      expect(await recipients.summary()).toBe('완료: 3행 중 2행 반영, 1행 거부');
      expect(await recipients.errorReportLabel()).toBe('오류 보고서 내려받기 (1행)');

      const report = await recipients.downloadErrorReport();
      expect(report.fileName).toMatch(/^import-.+-errors\.csv$/);
      // In the reader's language, with a byte-order mark so that Excel reads it as UTF-8.
      expect(report.text.startsWith('\uFEFF')).toBe(true);
      const lines = report.text.trim().split(/\r?\n/);
      expect(lines[0]).toBe('행,카카오 사용자 ID,사유');
      expect(lines.slice(1)).toEqual([
        '4,999999999999,이 채널에 카카오 사용자 ID가 999999999999인 수신자가 없습니다',
      ]);

      await recipients.closeDialog();
      // The list was refreshed: the imported tags show.
      await session.page.waitForSelector(`${recipients.elements.row('Seoul 35')} >> text=early`);
      const tagged = await app.stack.call<{ nickname: string; attributes: object }[]>(
        Role.Manager,
        'GET',
        `/api/recipients?filter=${encodeURIComponent('{"tag":"vip"}')}`,
      );
      expect(tagged.body.map((recipient) => recipient.nickname).sort()).toEqual([
        'Seoul 25',
        'Seoul 35',
      ]);
    } finally {
      await session.close();
    }
  });
});
