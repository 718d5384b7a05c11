import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

export class BlastListPage {
  readonly elements = {
    table: '.RaDataTable-table, table',
    row: (name: string) => `tbody tr:has-text("${name}")`,
    progressBar: '[data-testid="run-progress-bar"]',
    createButton: 'a[href="#/blasts/create"]',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async open(): Promise<void> {
    await this.shell.go('blasts');
    await this.page.waitForSelector(this.elements.table);
  }

  /** Waits (rows poll their latest run) until the row's bar shows the percentage. */
  async waitForPercent(name: string, percent: number, timeoutMs = 60_000): Promise<void> {
    await this.page
      .locator(this.elements.row(name))
      .locator(`${this.elements.progressBar}[data-percent="${percent}"]`)
      .waitFor({ timeout: timeoutMs });
  }

  async percentLabel(name: string): Promise<string> {
    const text = await this.page
      .locator(this.elements.row(name))
      .locator('[data-testid="run-percent"]')
      .textContent();
    return (text ?? '').trim();
  }
}
