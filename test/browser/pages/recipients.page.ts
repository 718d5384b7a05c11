import { readFile } from 'node:fs/promises';

import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

/** The recipient list and its CSV import dialog (progress, error report). */
export class RecipientsPage {
  readonly elements = {
    table: '.RaDataTable-table, table',
    row: (text: string) => `tbody tr:has-text("${text}")`,
    importButton: '[data-testid="csv-import"]',
    dialog: '[data-testid="csv-import-dialog"]',
    file: '[data-testid="csv-file"]',
    mode: (mode: string) =>
      `[data-testid="csv-import-dialog"] input[type="radio"][value="${mode}"]`,
    upload: '[data-testid="csv-upload"]',
    progress: '[data-testid="import-progress"]',
    progressBar: '[data-testid="import-progress-bar"]',
    summary: '[data-testid="import-summary"]',
    errorReport: '[data-testid="import-error-report"]',
    close: '[data-testid="csv-import-close"]',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async open(): Promise<void> {
    await this.shell.go('recipients');
    await this.page.waitForSelector(this.elements.table);
  }

  /** Opens the dialog, picks the file and uploads it. */
  async importCsv(name: string, csv: string, mode: 'merge' | 'replace' = 'merge'): Promise<void> {
    await this.page.click(this.elements.importButton);
    await this.page.waitForSelector(this.elements.dialog);
    await this.page.setInputFiles(this.elements.file, {
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await this.page.check(this.elements.mode(mode));
    await this.page.click(this.elements.upload);
    await this.page.waitForSelector(this.elements.progress);
  }

  /** Waits until the worker is done; answers the final state. */
  async waitForImport(timeoutMs = 30_000): Promise<string> {
    const done = this.page.locator(
      `${this.elements.progress}[data-state="completed"], ${this.elements.progress}[data-state="failed"]`,
    );
    await done.waitFor({ timeout: timeoutMs });
    return (await done.getAttribute('data-state')) ?? '';
  }

  async summary(): Promise<string> {
    return (await this.page.textContent(this.elements.summary)) ?? '';
  }

  async errorReportLabel(): Promise<string> {
    return (await this.page.textContent(this.elements.errorReport)) ?? '';
  }

  /** Clicks the error report link and answers the downloaded file's name and text. */
  async downloadErrorReport(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.click(this.elements.errorReport),
    ]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  async closeDialog(): Promise<void> {
    await this.page.click(this.elements.close);
    await this.page.locator(this.elements.dialog).waitFor({ state: 'detached' });
  }
}
