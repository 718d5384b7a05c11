import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type Browser } from 'playwright-core';

import { everyoneAudience, expectEventually, seedSandboxRecipients } from '@app/testing';

import { ReachDashboardPage } from './pages/reach-dashboard.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

const RECIPIENTS = 12;

/** Where screenshots of this spec go, for a person to look at (`SCREENSHOT_DIR` or the temp dir). */
function screenshotPath(name: string): string {
  return path.join(process.env.SCREENSHOT_DIR ?? tmpdir(), name);
}

interface ReachSummaryBody {
  totals: { delivered: number };
  pendingChanges: number;
}

describe('the reach dashboard', () => {
  let app: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startConsoleStack({ env: { BLAST_RECONCILE_MS: '500', REACH_FOLD_MS: '500' } }),
      launchBrowser(),
    ]);
    // A real small blast through the API, then the fold of its deliveries into the rollups.
    await seedSandboxRecipients(app.stack, RECIPIENTS);
    const audienceId = await everyoneAudience(app.stack);
    const campaign = await app.createCampaign(Role.Marketer, {
      name: 'Reach pop-up',
      content: {
        title: '도달 팝업 스토어',
        allDay: false,
        startsAt: '2030-04-12T11:00:00+09:00',
        endsAt: '2030-04-12T20:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    });
    await app.publish(campaign.id);
    const created = await app.stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/blasts', {
      name: 'Reach blast',
      message: {
        idType: 'event',
        campaignId: campaign.id,
        title: '도달 팝업 스토어',
        description: '4/12 성수동에서 만나요',
        webUrl: 'https://example.com/popup',
      },
      audienceId,
      schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
      ratePerSecond: 50,
      quietHours: false,
    });
    expect(created.status).toBe(201);
    const run = await app.stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      `/api/blasts/${created.body.id}/start`,
    );
    expect(run.status).toBeLessThan(300);
    await expectEventually(
      async () => {
        const progress = await app.stack.call<{ state: string }>(
          Role.Scheduler,
          'GET',
          `/api/blast-runs/${run.body.id}`,
        );
        expect(progress.body.state).toBe('completed');
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await expectEventually(
      async () => {
        const summary = await app.stack.call<ReachSummaryBody>(
          Role.Manager,
          'GET',
          '/api/reach/summary',
        );
        expect(summary.body.totals.delivered).toBe(RECIPIENTS);
        expect(summary.body.pendingChanges).toBe(0);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a manager opens it from the menu and sees the figures, the drawn charts and the top campaign', async () => {
    const session = await signInAs(browser, app, Role.Manager);
    try {
      const { page, shell } = session;
      const dashboard = new ReachDashboardPage(page, shell);
      expect(await shell.menuTargets()).toContain('reach');
      await dashboard.open();

      await dashboard.waitForCard('delivered', String(RECIPIENTS));
      expect(await dashboard.cardValue('delivered')).toBe(String(RECIPIENTS));
      expect(
        await page.getAttribute(dashboard.elements.cardSource('delivered'), 'data-source'),
      ).toBe('observed');
      expect(await page.textContent(dashboard.elements.period)).toContain('Asia/Seoul');

      const paths = await dashboard.seriesPaths();
      expect(paths.length).toBeGreaterThanOrEqual(5);
      expect(paths.every((d) => d.startsWith('M'))).toBe(true);
      expect(await dashboard.funnelBarCount()).toBeGreaterThanOrEqual(1);
      expect(await page.textContent(dashboard.elements.funnelRow('delivered'))).toContain(
        String(RECIPIENTS),
      );
      expect(await page.locator(dashboard.elements.topCampaigns).count()).toBe(1);
      expect(await page.textContent(dashboard.elements.topCampaigns)).toContain('Reach pop-up');
    } finally {
      await session.close();
    }
  });

  it('explains where each figure comes from in the UI’s language, and exports the same way', async () => {
    const session = await signInAs(browser, app, Role.Manager);
    try {
      const { page } = session;
      const dashboard = new ReachDashboardPage(page, session.shell);
      await dashboard.open();
      await dashboard.waitForCard('delivered', String(RECIPIENTS));
      await page.hover(dashboard.elements.cardSource('friendsAdded'));
      const tooltip = page.locator('[role="tooltip"]');
      await tooltip.waitFor();
      const text = (await tooltip.textContent()) ?? '';
      expect(text).toContain('채널 관계 동기화');
      expect(text).not.toMatch(/[A-Za-z]{4,}|\(\d+\.\d+/);
      await page.screenshot({ path: screenshotPath('reach-source-tooltip-ko.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(dashboard.elements.csvButton),
      ]);
      const csv = readFileSync((await download.path()) ?? '', 'utf8');
      // A byte-order mark first, so Excel reads the Korean headers as UTF-8.
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = csv.slice(1).trim().split('\n');
      expect(header).toMatch(/^시작 \(Asia\/Seoul\),전달 \(관측\),/);
      expect(rows.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2},/);
    } finally {
      await session.close();
    }
  });

  it('the dashboard is not in the menu of roles without reach', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const { page, shell } = session;
      await page.waitForSelector('[data-testid="role-home"][data-role="scheduler"]');
      expect(await shell.menuTargets()).not.toContain('reach');
    } finally {
      await session.close();
    }
  });
});
