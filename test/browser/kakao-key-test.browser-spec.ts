import { type Browser } from 'playwright-core';

import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

const SHOTS = process.env.SCREENSHOT_DIR;

const elements = {
  button: '[data-testid="key-test-button"]',
  result: (key: string) => `[data-testid="key-test-${key}"]`,
};

describe('testing the Kakao keys in the channel settings', () => {
  let app: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('tells the admin that Kakao takes both saved keys', async () => {
    const session = await signInAs(browser, app, Role.Admin);
    try {
      await session.shell.go(`channels/${app.stack.channel.id}`);
      await session.page.click(elements.button);
      const admin = session.page.locator(elements.result('adminKey'));
      await admin.waitFor();
      expect(await admin.innerText()).toContain('어드민 키: 카카오가 키를 받아들였습니다.');
      expect(await session.page.locator(elements.result('restApiKey')).innerText()).toContain(
        'REST API 키: 카카오가 키를 받아들였습니다.',
      );
      if (SHOTS) {
        await admin.scrollIntoViewIfNeeded();
        await session.page.screenshot({ path: `${SHOTS}/key-test-ko.png` });
        await session.shell.switchLanguage('English');
        await session.page.click(elements.button);
        await session.page.waitForSelector(`${elements.result('adminKey')}:has-text("Admin key")`);
        await session.page.screenshot({ path: `${SHOTS}/key-test-en.png` });
      }
    } finally {
      await session.close();
    }
  });
});
