import { type Browser } from 'playwright-core';

import { expectEventually } from '@app/testing';

import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import {
  type CampaignRecord,
  type ConsoleStack,
  Role,
  startConsoleStack,
} from './support/console-stack';

jest.setTimeout(180_000);

const SHOTS = process.env.SCREENSHOT_DIR;

const elements = {
  duplicate: '[data-testid="duplicate"]',
  title: '#react-admin-title',
};

describe('duplicating a campaign', () => {
  let app: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens a new draft named "(사본)" with the same content', async () => {
    const source = (await app.createCampaign(Role.Marketer, {
      name: '윈터 드롭',
      content: {
        title: '윈터 드롭 팝업',
        allDay: false,
        startsAt: '2030-12-12T10:00:00+09:00',
        endsAt: '2030-12-12T19:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    })) as CampaignRecord & { content: unknown };
    const session = await signInAs(browser, app, Role.Marketer);
    try {
      await session.shell.go(`campaigns/${source.id}/show`);
      await session.page.click(elements.duplicate);
      await session.page.waitForURL((url) => !url.hash.includes(source.id));
      await session.page.waitForSelector('text=윈터 드롭 (사본)');
      const copyId = /#\/campaigns\/([^/]+)\/show/.exec(session.page.url())?.[1];
      expect(copyId).toBeDefined();
      await expectEventually(async () => {
        const copy = (await app.campaign(copyId!)) as CampaignRecord & { content: unknown };
        expect(copy).toMatchObject({ name: '윈터 드롭 (사본)', approvalState: 'draft' });
        expect(copy.content).toEqual(source.content);
      });
      if (SHOTS) {
        await session.page.screenshot({ path: `${SHOTS}/campaign-duplicated-ko.png` });
        await session.shell.switchLanguage('English');
        await session.page.waitForSelector(`${elements.duplicate}:has-text("Duplicate")`);
        await session.page.screenshot({ path: `${SHOTS}/campaign-duplicated-en.png` });
      }
    } finally {
      await session.close();
    }
  });
});
