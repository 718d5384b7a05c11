import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

/** The reach dashboard (`#/reach`), where managers land. */
export class ReachDashboardPage {
  readonly elements = {
    root: '[data-testid="reach-dashboard"]',
    empty: '[data-testid="reach-empty"]',
    card: (metric: string) => `[data-testid="reach-card-${metric}"]`,
    cardValue: (metric: string) =>
      `[data-testid="reach-card-${metric}"] [data-testid="reach-card-value"]`,
    cardSource: (metric: string) =>
      `[data-testid="reach-card-${metric}"] [data-testid="reach-source"]`,
    seriesLines: '[data-testid="reach-series-chart"] svg path.recharts-line-curve',
    funnelBars: '[data-testid="reach-funnel"] svg .recharts-bar-rectangle path',
    funnelRow: (step: string) => `[data-testid="reach-funnel-${step}"]`,
    topCampaigns: '[data-testid="reach-top-table"] tbody tr',
    csvButton: '[data-testid="reach-csv"]',
    period: '[data-testid="reach-period"]',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async open(): Promise<void> {
    await this.shell.go('reach');
    await this.page.waitForSelector(this.elements.root);
  }

  /** Waits until the figures are in (the dashboard refetches while changes are being folded). */
  async waitForCard(metric: string, text: string, timeoutMs = 30_000): Promise<void> {
    await this.page
      .locator(this.elements.cardValue(metric))
      .filter({ hasText: text })
      .waitFor({ timeout: timeoutMs });
  }

  async cardValue(metric: string): Promise<string> {
    return (await this.page.textContent(this.elements.cardValue(metric)))?.trim() ?? '';
  }

  /** The `d` of every drawn line of the series chart. */
  async seriesPaths(): Promise<string[]> {
    await this.page.waitForSelector(this.elements.seriesLines);
    const lines = await this.page.locator(this.elements.seriesLines).all();
    return (await Promise.all(lines.map((line) => line.getAttribute('d')))).map((d) => d ?? '');
  }

  async funnelBarCount(): Promise<number> {
    await this.page.waitForSelector(this.elements.funnelBars);
    return this.page.locator(this.elements.funnelBars).count();
  }
}
