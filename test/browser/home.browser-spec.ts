import { type Browser } from 'playwright-core';

import { CampaignShowPage } from './pages/campaign-show.page';
import { HomePage } from './pages/home.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';
import { type HomeSeed, seedHomes } from './support/home-seed';

jest.setTimeout(240_000);

describe("each role's home shows what it acts on first", () => {
  let app: ConsoleStack;
  let browser: Browser;
  let seed: HomeSeed;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startConsoleStack({ env: { BLAST_RECONCILE_MS: '500' } }),
      launchBrowser(),
    ]);
    seed = await seedHomes(app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('manager: approvals waiting, each opening its campaign, whose approve dialog shows the diff', async () => {
    const { page, shell, close } = await signInAs(browser, app, Role.Manager);
    try {
      const home = new HomePage(page, shell);
      // Signing in leads to the home.
      await page.waitForSelector(home.elements.root('manager'));
      expect(await home.titleOf('approvals', /건/)).toBe('승인 대기 1건');
      expect(await home.rowTexts('approvals')).toEqual([expect.stringContaining('Autumn market')]);

      await page.click(home.elements.rows('approvals'));
      await page.waitForURL(new RegExp(`#/campaigns/${seed.waitingId}/show`));
      const show = new CampaignShowPage(page, shell);
      await page.click(show.elements.step('approve'));
      await page.waitForSelector(`${home.elements.approvalDiff} [data-testid="revision-diff"]`);
      const diff = (await page.textContent(home.elements.approvalDiff)) ?? '';
      expect(diff).toContain('리비전 1 → 2');
      expect(diff).toContain('가을 플리마켓 (장소 변경)');
      expect(diff).toContain('가을 플리마켓');

      await page.keyboard.press('Escape');
      await page.waitForSelector(home.elements.approvalDiff, { state: 'detached' });
      await shell.switchLanguage('English');
      await home.open('manager');
      expect(await home.titleOf('approvals', /waiting/)).toBe('1 approval waiting');
    } finally {
      await close();
    }
  });

  it('marketer: rejected campaigns with the reason, and campaigns changed at Kakao', async () => {
    const { page, shell, close } = await signInAs(browser, app, Role.Marketer);
    try {
      const home = new HomePage(page, shell);
      await page.waitForSelector(home.elements.root('marketer'));
      expect(await home.titleOf('rejected', /건/)).toBe('반려된 캠페인 1건');
      await page
        .locator(home.elements.rows('rejected'))
        .filter({ hasText: seed.rejectedComment })
        .waitFor();
      expect(await home.rowTexts('rejected')).toEqual([
        expect.stringContaining('Hongdae busking night'),
      ]);
      expect(await home.titleOf('drifted', /건/)).toBe('카카오에서 달라진 캠페인 1건');
      expect(await home.rowTexts('drifted')).toEqual([expect.stringContaining('Jeju tea fair')]);
      expect(await page.$(home.elements.block('approvals'))).toBeNull();
    } finally {
      await close();
    }
  });

  it('scheduler: the blast sending now with its progress, and the next one in Seoul time', async () => {
    const { page, shell, close } = await signInAs(browser, app, Role.Scheduler);
    try {
      const home = new HomePage(page, shell);
      await page.waitForSelector(home.elements.root('scheduler'));
      expect(await home.titleOf('running', /건/)).toBe('지금 발송 중 1건');
      expect(await home.rowTexts('running')).toEqual([expect.stringContaining('Flash coupon')]);
      await page.waitForSelector(
        `${home.elements.rows('running')} [data-testid="run-progress-bar"]`,
      );
      expect(await home.titleOf('next', /건/)).toBe('예약된 발송 1건');
      await page.locator(home.elements.rows('next')).filter({ hasText: '다음 실행' }).waitFor();
      const [next] = await home.rowTexts('next');
      expect(next).toContain('Weekend reminder');
      expect(next).toMatch(/10:00/);
      expect(next).toContain('Asia/Seoul');
    } finally {
      await close();
    }
  });

  it('admin: the Kakao keys and the webhook endpoints with their failed deliveries', async () => {
    const { page, shell, close } = await signInAs(browser, app, Role.Admin);
    try {
      const home = new HomePage(page, shell);
      await page.waitForSelector(home.elements.root('admin'));
      await page
        .locator(home.elements.title('keys'))
        .filter({ hasText: /카카오 키/ })
        .waitFor();
      expect(await home.rowTexts('key')).toHaveLength(3);
      expect(await home.titleOf('webhooks', /개/)).toBe('웹훅 엔드포인트 1개');
      await page
        .locator(home.elements.rows('webhook'))
        .filter({ hasText: '실패한 전송 0건' })
        .waitFor();
      expect(await home.rowTexts('webhook')).toEqual([expect.stringContaining('CRM sync')]);
    } finally {
      await close();
    }
  });
});
