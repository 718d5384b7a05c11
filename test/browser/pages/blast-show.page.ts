import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

/** A blast's page: summary, message preview, and its run live (progress, commands, ledger). */
export class BlastShowPage {
  readonly elements = {
    summary: '[data-testid="blast-summary"]',
    progress: '[data-testid="run-progress"]',
    progressIn: (state: string) => `[data-testid="run-progress"][data-state="${state}"]`,
    percent: '[data-testid="run-progress"] [data-testid="run-percent"]',
    live: '[data-testid="run-live"]',
    command: (command: string) => `[data-testid="run-${command}"]`,
    count: (state: string) => `[data-testid="run-count-${state}"]`,
    ledgerRows: '[data-testid="delivery-ledger"] tbody tr',
    confirm: '.ra-confirm',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async open(id: string): Promise<void> {
    await this.shell.go(`blasts/${id}/show`);
    await this.page.waitForSelector(this.elements.summary);
  }

  async waitForState(state: string, timeoutMs = 60_000): Promise<void> {
    await this.page.waitForSelector(this.elements.progressIn(state), { timeout: timeoutMs });
  }

  async percent(): Promise<number> {
    return Number(await this.page.getAttribute(this.elements.progress, 'data-percent'));
  }

  async percentText(): Promise<string> {
    return ((await this.page.textContent(this.elements.percent)) ?? '').trim();
  }

  async count(state: string): Promise<number> {
    return Number(await this.page.getAttribute(this.elements.count(state), 'data-count'));
  }

  /** Pause, resume or cancel (cancel asks first). */
  async take(command: 'pause' | 'resume' | 'cancel'): Promise<void> {
    await this.page.click(this.elements.command(command));
    if (command === 'cancel') {
      await this.page.click(this.elements.confirm);
    }
  }
}
