import { type Browser } from 'playwright-core';

import { CampaignFormPage } from './pages/campaign-form.page';
import { CampaignListPage } from './pages/campaign-list.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(120_000);

describe('forms and language', () => {
  let app: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    await app.createCampaign(Role.Marketer, {
      name: 'Language check',
      tags: [],
      content: {
        title: '언어 확인',
        allDay: false,
        startsAt: '2030-04-12T10:00:00+09:00',
        endsAt: '2030-04-12T11:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the API’s validation error under its input, in the user’s language', async () => {
    const session = await signInAs(browser, app, Role.Marketer);
    try {
      const form = new CampaignFormPage(session.page, session.shell);
      await form.openCreate();
      await form.fillDraft({
        name: 'Bad link',
        title: '잘못된 링크',
        startsAt: '2030-04-12T10:00',
        endsAt: '2030-04-12T11:00',
      });
      await form.fill('content.banner.webUrl', 'not-a-link');
      await form.save();
      expect(await form.messageUnder('content.banner.webUrl')).toBe(
        'http:// 또는 https://로 시작하는 웹 주소여야 합니다',
      );
      // Nothing was saved.
      const list = await app.stack.call<{ name: string }[]>(Role.Marketer, 'GET', '/api/campaigns');
      expect(list.body.map((campaign) => campaign.name)).not.toContain('Bad link');

      // The start comes after the end: the API says so under the end.
      await form.fill('content.banner.webUrl', 'https://example.com/ok');
      await form.fill('content.endsAt', '2030-04-12T09:00');
      await form.save();
      expect(await form.messageUnder('content.endsAt')).toBe('시작 시간 이후여야 합니다');
    } finally {
      await session.close();
    }
  });

  it('opens in Korean and switches to English and back', async () => {
    const session = await signInAs(browser, app, Role.Manager);
    try {
      const list = new CampaignListPage(session.page, session.shell);
      await list.open();
      expect(await session.shell.menuLabels()).toContain('캠페인');
      expect(await list.columnTitles()).toEqual(
        expect.arrayContaining(['이름', '제목', '승인', '게시']),
      );

      await session.shell.switchLanguage('English');
      await session.page.waitForSelector(`${session.shell.elements.menu} >> text=Campaigns`);
      expect(await list.columnTitles()).toEqual(
        expect.arrayContaining(['Name', 'Title', 'Approval', 'Publishing']),
      );
      expect(await session.shell.menuLabels()).toEqual(
        expect.arrayContaining(['Campaigns', 'Calendar', 'Audit log']),
      );

      await session.shell.switchLanguage('한국어');
      await session.page.waitForSelector(`${session.shell.elements.menu} >> text=감사 로그`);
      expect(await session.shell.menuLabels()).toEqual(
        expect.arrayContaining(['캠페인', '캘린더', '감사 로그']),
      );
    } finally {
      await session.close();
    }
  });
});
