import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { type Browser, type Page } from 'playwright-core';

import { registerSandboxRecipients } from '@app/console-http';
import { everyoneAudience, seedSandboxRecipients } from '@app/testing';

import { BlastWizardPage } from './pages/blast-wizard.page';
import { RecipientsPage } from './pages/recipients.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(240_000);

/** Where to keep screenshots for a person to look at (`BROWSER_SHOTS_DIR`); none when unset. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.BROWSER_SHOTS_DIR;
  if (!dir) {
    return;
  }
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const NAMESAKE = '조수아';

describe('what people read on everyday screens', () => {
  let app: ConsoleStack;
  let browser: Browser;
  let audienceName: string;
  let namesakeIds: string[];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    await seedSandboxRecipients(app.stack, 5);
    // Three people who share a nickname, as happens in any real channel.
    const namesakes = await registerSandboxRecipients({
      apiUrl: app.stack.apiUrl,
      sandboxUrl: app.stack.sandboxUrl,
      appId: app.stack.sandboxApp.app_id,
      channelId: app.stack.channel.id,
      count: 3,
      asAdmin: (method, route, body) => app.stack.call(Role.Admin, method, route, body),
      profile: (index) => ({ nickname: NAMESAKE, tags: index === 0 ? ['vip'] : [] }),
    });
    namesakeIds = namesakes.map((user) => String(user.user_id));
    const audienceId = await everyoneAudience(app.stack);
    const audience = await app.stack.call<{ name: string }>(
      Role.Scheduler,
      'GET',
      `/api/audiences/${audienceId}`,
    );
    audienceName = audience.body.name;
    const campaign = await app.createCampaign(Role.Marketer, {
      name: 'Winter drop',
      content: {
        title: '윈터 드롭',
        allDay: false,
        startsAt: '2030-12-09T10:00:00+09:00',
        endsAt: '2030-12-09T18:00:00+09:00',
        timeZone: 'Asia/Seoul',
        banner: { webUrl: 'https://example.com/winter' },
      },
    });
    await app.publish(campaign.id);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('blast wizard: errors clear as fields are filled, clicks are tracked, namesakes are told apart', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const { page, shell } = session;
      const wizard = new BlastWizardPage(page, shell);
      await wizard.openCreate();
      await wizard.next();
      const errorUnder = (source: string) =>
        page.locator(
          `[data-testid="wizard-message"] .MuiFormControl-root:has([name="${source}"]) .MuiFormHelperText-root`,
        );
      const nameError = errorUnder('name');
      await expectText(nameError, '필수 항목입니다');
      await wizard.fill('name', 'Winter blast');
      await page.keyboard.press('Tab');
      // The error goes as soon as the field holds a value, not at the next "Next".
      await expectNoText(nameError, '필수 항목입니다');
      await wizard.pick('message.campaignId', 'Winter drop');
      await expectNoText(errorUnder('message.campaignId'), '필수 항목입니다');
      await shot(page, 'wizard-message-ko');
      await wizard.next();

      await wizard.waitForStep('audience');
      await wizard.pick('audienceId', audienceName);
      await wizard.next();
      await wizard.waitForStep('schedule');
      await wizard.next();

      await wizard.waitForStep('delivery');
      const tracking = page.locator('[name="message.tracking"]');
      expect(await tracking.isChecked()).toBe(true);
      expect(await page.textContent(wizard.elements.step('delivery'))).toContain(
        '링크 클릭 수 세기',
      );
      await shot(page, 'wizard-delivery-ko');
      // Sent outside quiet hours whatever the hour of the run, so the start dialog says "now".
      await wizard.setSwitch('quietHours', false);
      await wizard.next();

      await wizard.waitForStep('review');
      const review = (await page.textContent('[data-testid="blast-review"]')) ?? '';
      expect(review).toContain('링크 클릭 수 세기');
      await page.click(wizard.elements.save);
      await page.waitForSelector(wizard.elements.startStep);
      const saved = (await page.textContent(wizard.elements.startStep)) ?? '';
      expect(saved).toContain('"Winter blast" 발송을 초안으로 저장했습니다');
      expect(saved).not.toContain('(를)');

      const blasts = await app.stack.call<{ name: string; message: { tracking?: boolean } }[]>(
        Role.Scheduler,
        'GET',
        '/api/blasts',
      );
      expect(blasts.body.find((blast) => blast.name === 'Winter blast')?.message.tracking).toBe(
        true,
      );

      // The test picker names each namesake by Kakao user id.
      const picker = page.locator('[data-testid="blast-test-send"] input[name="recipientId"]');
      await picker.click();
      await picker.fill(NAMESAKE);
      const options = page.locator('[data-testid="recipient-option"]');
      await expectCount(options, 3);
      const ids = await page.locator('[data-testid="recipient-option-id"]').allTextContents();
      expect(ids.sort()).toEqual(namesakeIds.map((id) => `ID ${id}`).sort());
      await shot(page, 'test-recipient-picker-ko');
      await options.first().click();
      expect(await picker.inputValue()).toMatch(new RegExp(`^${NAMESAKE} · \\d+$`));

      // "Now" takes no particle: "지금 바로 보냅니다", never "지금에 보냅니다".
      await page.click(wizard.elements.start);
      const dialog = page.locator('.MuiDialog-paper');
      await dialog.waitFor();
      const question = (await dialog.textContent()) ?? '';
      expect(question).toContain('지금 바로 보냅니다');
      expect(question).not.toContain('지금에');
      await shot(page, 'start-dialog-ko');
    } finally {
      await session.close();
    }
  });

  it('blast wizard in English: the tracking switch explains itself', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const { page, shell } = session;
      await shell.switchLanguage('English');
      const wizard = new BlastWizardPage(page, shell);
      await wizard.openCreate();
      await page.click('[data-testid="wizard-step-delivery"]');
      await wizard.waitForStep('delivery');
      const text = (await page.textContent(wizard.elements.step('delivery'))) ?? '';
      expect(text).toContain('Count link clicks');
      expect(text).toContain('the reach dashboard counts their clicks');
      await page.check('input[name="deliveryMode"][value="friends"]');
      expect(await page.locator('[name="message.tracking"]').isDisabled()).toBe(true);
      await shot(page, 'wizard-delivery-friends-en');
    } finally {
      await session.close();
    }
  });

  it('a CSV that is not UTF-8 is refused in Korean, with how to save it', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const recipients = new RecipientsPage(session.page, session.shell);
      await recipients.open();
      await session.page.click(recipients.elements.importButton);
      await session.page.waitForSelector(recipients.elements.dialog);
      // "kakao_user_id,tags\n1,서울" as Korean Excel saves it (CP949).
      const cp949 = Buffer.concat([
        Buffer.from('kakao_user_id,tags\n1,'),
        Buffer.from([0xbc, 0xad, 0xbf, 0xef]),
        Buffer.from('\n'),
      ]);
      await session.page.setInputFiles(recipients.elements.file, {
        name: 'excel.csv',
        mimeType: 'text/csv',
        buffer: cp949,
      });
      await session.page.click(recipients.elements.upload);
      expect(await recipients.waitForImport()).toBe('failed');
      const error = (await session.page.textContent('[data-testid="import-error"]')) ?? '';
      expect(error).toContain('파일이 UTF-8 텍스트가 아닙니다');
      expect(error).not.toMatch(/not valid UTF-8/);
      await shot(session.page, 'import-cp949-ko');
    } finally {
      await session.close();
    }
  });

  it('admin screens: users by status in words, an audit log people can read, the queue board in English', async () => {
    const session = await signInAs(browser, app, Role.Admin);
    try {
      const { page, shell } = session;
      const thirdParty: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(app.url)) {
          thirdParty.push(request.url());
        }
      });
      await shell.switchLanguage('English');

      await shell.go('users');
      await page.waitForSelector('[data-enum="userStatus"]');
      const table = (await page.textContent('table')) ?? '';
      expect(table).toContain('Status');
      expect(table).toContain('Active');
      expect(table).not.toContain('✕');
      await shot(page, 'users-en');

      await shell.go('audit-log');
      const target = page.locator('[data-testid="audit-target"]', { hasText: 'Winter drop' });
      await target.first().waitFor();
      const log = (await page.textContent('table')) ?? '';
      expect(log).toContain('Approved');
      expect(log).not.toMatch(/campaign\.approve|[0-9a-f]{8}-[0-9a-f]{4}-/);
      await page.locator('tbody tr', { hasText: 'Approved' }).first().click();
      const changes = page.locator('[data-testid="audit-changes"]').first();
      await changes.waitFor();
      const changed = (await changes.textContent()) ?? '';
      expect(changed).toContain('Approval');
      expect(changed).not.toMatch(/approvalState|approvedRevision|updatedAt|\d{4}-\d{2}-\d{2}T/);
      // A role change names its user, looked up by id.
      await page
        .locator('tbody tr', { hasText: 'Added to a channel' })
        .first()
        .locator('[data-testid="audit-target"]', { hasText: '@' })
        .waitFor();
      await page.waitForTimeout(500);
      await shot(page, 'audit-log-en');

      await shell.switchLanguage('한국어');
      await page.waitForSelector('text=감사 로그');
      await shot(page, 'audit-log-ko');
      await shell.switchLanguage('English');

      await shell.go('queues');
      const frame = page.frameLocator('[data-testid="queue-board"]');
      await frame.locator('body').waitFor();
      await page.waitForTimeout(1500);
      const board = (await frame.locator('body').textContent()) ?? '';
      expect(board).not.toMatch(/[가-힣]/);
      expect(board.length).toBeGreaterThan(0);
      await shot(page, 'queue-board-en');
      expect(thirdParty.filter((url) => /fonts\.(googleapis|gstatic)\.com/.test(url))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('on a 390 px phone the app bar keeps the language on one line and the page does not slide sideways', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const { page, shell } = session;
      await page.setViewportSize({ width: 390, height: 844 });
      for (const screen of ['recipients', 'audiences']) {
        await shell.go(screen);
        await page.waitForSelector('table');
        const button = page.locator(shell.elements.languageButton).first();
        const box = await button.boundingBox();
        expect(box?.height ?? 0).toBeLessThan(48);
        await shot(page, `mobile-${screen}-ko`);
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(sideways).toBeLessThanOrEqual(0);
      }
    } finally {
      await session.close();
    }
  });
});

async function expectText(
  locator: ReturnType<Page['locator']>,
  text: string,
  timeoutMs = 5000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const current = (await locator.count()) > 0 ? ((await locator.textContent()) ?? '') : '';
    if (current.includes(text)) {
      return;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`expected "${text}", found "${current}"`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectNoText(
  locator: ReturnType<Page['locator']>,
  text: string,
  timeoutMs = 3000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const current = (await locator.count()) > 0 ? ((await locator.textContent()) ?? '') : '';
    if (!current.includes(text)) {
      return;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`"${text}" is still shown`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectCount(
  locator: ReturnType<Page['locator']>,
  count: number,
  timeoutMs = 5000,
): Promise<void> {
  const started = Date.now();
  while ((await locator.count()) !== count) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`expected ${count}, found ${await locator.count()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
