import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

export class CampaignListPage {
  readonly elements = {
    table: '.RaDataTable-table, table',
    createButton: 'a[href="#/campaigns/create"]',
    row: (name: string) => `tbody tr:has-text("${name}")`,
    syncState: '[data-enum="syncState"]',
    approvalState: '[data-enum="approvalState"]',
    rowCheckbox: 'input[type="checkbox"]',
    bulkSubmit: '[data-testid="bulk-submit"]',
    bulkArchive: '[data-testid="bulk-archive"]',
    columnHeaders: 'thead th',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async open(): Promise<void> {
    await this.shell.go('campaigns');
    await this.page.waitForSelector(this.elements.table);
  }

  async canCreate(): Promise<boolean> {
    await this.page.waitForSelector(this.elements.table);
    return (await this.page.$(this.elements.createButton)) !== null;
  }

  async syncStateOf(name: string): Promise<string | null> {
    return this.page
      .locator(this.elements.row(name))
      .locator(this.elements.syncState)
      .getAttribute('data-value');
  }

  /** Waits (the list follows the worker by itself) until the row shows the sync state. */
  async waitForSyncState(name: string, state: string, timeoutMs = 30_000): Promise<void> {
    await this.page
      .locator(this.elements.row(name))
      .locator(`${this.elements.syncState}[data-value="${state}"]`)
      .waitFor({ timeout: timeoutMs });
  }

  async syncStateLabel(name: string): Promise<string> {
    return (
      (await this.page
        .locator(this.elements.row(name))
        .locator(this.elements.syncState)
        .textContent()) ?? ''
    );
  }

  async columnTitles(): Promise<string[]> {
    await this.page.waitForSelector(this.elements.columnHeaders);
    return (await this.page.locator(this.elements.columnHeaders).allTextContents()).map((text) =>
      text.trim(),
    );
  }
}
