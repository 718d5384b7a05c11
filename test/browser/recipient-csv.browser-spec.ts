import { readFileSync } from 'node:fs';

import { type Browser } from 'playwright-core';

import { registerSandboxRecipients } from '@app/console-http';

import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

const SHOTS = process.env.SCREENSHOT_DIR;

const elements = {
  template: '[data-testid="recipients-template"]',
  export: '[data-testid="recipients-export"]',
};

describe('recipient CSV template and export', () => {
  let app: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    const { stack } = app;
    await registerSandboxRecipients({
      apiUrl: stack.apiUrl,
      sandboxUrl: stack.sandboxUrl,
      appId: stack.sandboxApp.app_id,
      channelId: stack.channel.id,
      count: 2,
      asAdmin: (method, path, body) => stack.call(Role.Admin, method, path, body),
      profile: (index) => ({ nickname: ['김하늘', '이바다'][index] }),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('downloads the import template and the list with Korean headers', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    const { page } = session;
    try {
      await session.shell.go('recipients');
      await page.waitForSelector('text=김하늘');
      if (SHOTS) {
        await page.screenshot({ path: `${SHOTS}/recipients-csv-ko.png` });
      }
      const [template] = await Promise.all([
        page.waitForEvent('download'),
        page.click(elements.template),
      ]);
      expect(template.suggestedFilename()).toBe('recipients-import-template.csv');
      expect(readFileSync((await template.path()) ?? '', 'utf8')).toBe(
        '\uFEFFkakao_user_id,tags,time_zone\r\n',
      );

      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        page.click(elements.export),
      ]);
      const csv = readFileSync((await exported.path()) ?? '', 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
      expect(header).toContain('카카오 사용자 ID,닉네임,수신 동의');
      expect(header).toContain('등록 시각 (Asia/Seoul)');
      expect(rows.map((row) => row.split(',')[1]).sort()).toEqual(['김하늘', '이바다']);

      await session.shell.switchLanguage('English');
      await page.waitForSelector(`${elements.export}:has-text("Export CSV")`);
      if (SHOTS) {
        await page.screenshot({ path: `${SHOTS}/recipients-csv-en.png` });
      }
      const [english] = await Promise.all([
        page.waitForEvent('download'),
        page.click(elements.export),
      ]);
      const englishHeader = readFileSync((await english.path()) ?? '', 'utf8')
        .slice(1)
        .split('\r\n')[0];
      expect(englishHeader).toContain('Kakao user id,Nickname,Consent');
    } finally {
      await session.close();
    }
  });
});
