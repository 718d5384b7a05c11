import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { DateTime } from 'luxon';
import { type Browser, type Page } from 'playwright-core';

import {
  everyoneAudience,
  expectEventually,
  seedSandboxRecipients,
  setQuietHours,
} from '@app/testing';

import { BlastListPage } from './pages/blast-list.page';
import { BlastShowPage } from './pages/blast-show.page';
import { BlastWizardPage } from './pages/blast-wizard.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(240_000);

const RECIPIENTS = 50;

/** Where to keep screenshots for a person to look at (`BROWSER_SHOTS_DIR`); none when unset. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.BROWSER_SHOTS_DIR;
  if (!dir) {
    return;
  }
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** `HH:mm` in Seoul, `hours` from now. */
function seoulTime(hours: number): string {
  return DateTime.now().setZone('Asia/Seoul').plus({ hours }).toFormat('HH:mm');
}

describe('a calendar-message blast from the wizard to 100 %', () => {
  let app: ConsoleStack;
  let browser: Browser;
  let audienceName: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startConsoleStack({ env: { BLAST_RECONCILE_MS: '500' } }),
      launchBrowser(),
    ]);
    await seedSandboxRecipients(app.stack, RECIPIENTS);
    const audienceId = await everyoneAudience(app.stack);
    const audience = await app.stack.call<{ name: string }>(
      Role.Scheduler,
      'GET',
      `/api/audiences/${audienceId}`,
    );
    audienceName = audience.body.name;
    const campaign = await app.createCampaign(Role.Marketer, {
      name: 'Seongsu pop-up',
      content: {
        title: '성수 팝업 스토어',
        allDay: false,
        startsAt: '2030-04-12T11:00:00+09:00',
        endsAt: '2030-04-12T20:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    });
    await app.publish(campaign.id);
    await app.stack.call(Role.Admin, 'POST', '/api/subscribe-calendars/sync', {});
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('scheduler builds the blast in the wizard, starts it, pauses and resumes it until 100 %', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const { page, shell } = session;
      const wizard = new BlastWizardPage(page, shell);
      await wizard.openCreate();
      await wizard.fillMessage({
        name: 'Pop-up blast',
        campaign: 'Seongsu pop-up',
        title: '성수 팝업 스토어 오픈',
        description: '4/12 성수동에서 만나요',
        webUrl: 'https://example.com/popup',
        button: { title: '예약하기', webUrl: 'https://example.com/popup/book' },
      });
      // The preview draws the message as KakaoTalk does, with both buttons.
      expect(await page.textContent(wizard.elements.previewTitle)).toBe('성수 팝업 스토어 오픈');
      expect(await page.textContent(wizard.elements.previewCustomButton)).toBe('예약하기');
      await wizard.next();

      await wizard.waitForStep('audience');
      await wizard.pick('audienceId', audienceName);
      await wizard.next();
      await wizard.waitForStep('schedule');
      await wizard.next();

      await wizard.waitForStep('delivery');
      // Slow enough to pause on the way; quiet hours off whatever the hour in Seoul.
      await wizard.fill('ratePerSecond', '3');
      await wizard.setSwitch('quietHours', false);
      await wizard.next();

      await wizard.waitForStep('review');
      expect(await wizard.estimatedRecipients()).toBe(String(RECIPIENTS));
      const id = await wizard.saveAndStart();

      const saved = await app.stack.call<{
        message: Record<string, unknown>;
        ratePerSecond: number;
        quietHours: boolean;
      }>(Role.Scheduler, 'GET', `/api/blasts/${id}`);
      expect(saved.body).toMatchObject({
        ratePerSecond: 3,
        quietHours: false,
        message: {
          idType: 'event',
          title: '성수 팝업 스토어 오픈',
          button: { title: '예약하기', webUrl: 'https://example.com/popup/book' },
        },
      });

      // The detail page follows the run through its event stream.
      const show = new BlastShowPage(page, shell);
      await show.waitForState('sending');
      await page.waitForSelector(show.elements.live);
      await show.take('pause');
      await show.waitForState('paused');
      // In-flight sends settle; then nothing moves while paused.
      await page.waitForTimeout(2000);
      const paused = await show.percent();
      await page.waitForTimeout(2500);
      expect(await show.percent()).toBe(paused);
      expect(paused).toBeLessThan(100);

      await show.take('resume');
      await show.waitForState('completed', 90_000);
      expect(await show.percentText()).toBe('100%');
      expect(await show.count('sent')).toBe(RECIPIENTS);
      await expectEventually(async () =>
        expect(await page.locator(show.elements.ledgerRows).count()).toBe(25),
      );

      const list = new BlastListPage(page, shell);
      await list.open();
      await list.waitForPercent('Pop-up blast', 100);
      expect(await list.percentLabel('Pop-up blast')).toBe('100%');
    } finally {
      await session.close();
    }
  });

  it('a subscribe calendar opens the wizard with a calendar message for it', async () => {
    const calendars = await app.stack.call<{ id: string; name: string }[]>(
      Role.Scheduler,
      'GET',
      '/api/subscribe-calendars',
    );
    const calendar = calendars.body[0];
    expect(calendar).toBeDefined();
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const { page, shell } = session;
      await shell.go(`subscribe-calendars/${calendar?.id ?? ''}/show`);
      await page.click('[data-testid="send-subscribe-message"]');
      const wizard = new BlastWizardPage(page, shell);
      await page.waitForSelector(wizard.elements.preview);
      expect(await page.getAttribute(wizard.elements.preview, 'data-id-type')).toBe('calendar');
      expect(
        await page.textContent(`${wizard.elements.preview} [data-testid="preview-fixed-button"]`),
      ).toBe('구독하기');
      // The calendar is picked and its name fills the title.
      await expect(
        page.inputValue(wizard.elements.input('message.subscribeCalendarId')),
      ).resolves.toBe(calendar?.name);
      await page.waitForSelector(`${wizard.elements.previewTitle}:has-text("${calendar?.name}")`);
    } finally {
      await session.close();
    }
  });

  it('quiet hours are told before starting; the paused run says when it goes on; a cancel reads as nothing sent', async () => {
    const campaigns = await app.stack.call<{ id: string; name: string }[]>(
      Role.Scheduler,
      'GET',
      '/api/campaigns',
    );
    const campaignId = campaigns.body.find((campaign) => campaign.name === 'Seongsu pop-up')?.id;
    const audienceId = await everyoneAudience(app.stack);
    const created = await app.stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/blasts', {
      name: '야간 발송 테스트',
      message: {
        idType: 'event',
        campaignId,
        title: '성수 팝업 스토어',
        description: '4/12 성수동',
        webUrl: 'https://example.com/popup',
      },
      audienceId,
      schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
      ratePerSecond: 5,
      quietHours: true,
    });
    expect(created.status).toBe(201);
    // Quiet hours around now in the channel's zone.
    await setQuietHours(app.stack, seoulTime(-2), seoulTime(2));
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const { page, shell } = session;
      const show = new BlastShowPage(page, shell);
      await show.open(created.body.id);
      await page.click('[data-testid="blast-start"]');
      const notice = await page.waitForSelector('[data-testid="blast-quiet-notice"]');
      expect(await notice.textContent()).toBe(
        `지금은 야간 발송 제한 시간입니다 — ${seoulTime(2)}에 시작됩니다.`,
      );
      await page.waitForSelector('[data-testid="blast-start-estimate"]:has-text("대기")');
      await shot(page, 'blast-quiet-start-ko');
      await page.click(show.elements.confirm);

      await show.waitForState('paused');
      const resume = page.locator(show.elements.command('resume'));
      expect(await resume.isDisabled()).toBe(true);
      expect(await page.textContent('[data-testid="run-resume-hint"]')).toContain(
        '야간 발송 제한 시간에는 재개할 수 없습니다.',
      );
      expect(await page.textContent('[data-testid="run-heading"]')).toContain('시작');
      await shot(page, 'blast-quiet-paused-ko');

      await show.take('cancel');
      await show.waitForState('cancelled');
      expect(await show.percentText()).toBe('0%');
      expect(await page.textContent('[data-testid="run-done"]')).toBe(`0 / ${RECIPIENTS}`);
      await page.waitForSelector(`${show.elements.ledgerRows}:has-text("회차 취소로 보내지 않음")`);
      await shot(page, 'blast-cancelled-ko');

      await shell.switchLanguage('English');
      await page.waitForSelector(
        `${show.elements.ledgerRows}:has-text("Not sent: the run was cancelled")`,
      );
      expect(await show.percentText()).toBe('0%');
      await shot(page, 'blast-cancelled-en');
    } finally {
      await session.close();
      await setQuietHours(app.stack, '21:00', '08:00');
    }
  });

  it('an admin opens the queue board from the menu; it lists every queue', async () => {
    const session = await signInAs(browser, app, Role.Admin);
    try {
      const { page, shell } = session;
      await page.click(shell.elements.menuItem('queues'));
      const board = page.frameLocator('[data-testid="queue-board"]');
      for (const queue of ['blasts', 'calendars', 'campaigns', 'recipients']) {
        await board.locator(`text=${queue}`).first().waitFor();
      }
    } finally {
      await session.close();
    }
  });
});
