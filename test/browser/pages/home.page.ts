import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

/** Each role's home (`#/`): the blocks of what the role acts on first. */
export class HomePage {
  readonly elements = {
    root: (role: string) => `[data-testid="role-home"][data-role="${role}"]`,
    block: (name: string) => `[data-testid="home-${name}"]`,
    title: (name: string) => `[data-testid="home-${name}-title"]`,
    rows: (name: string) => `[data-testid="home-${name}-row"]`,
    approvalDiff: '[data-testid="approval-diff"]',
    diffRow: (field: string) => `[data-testid="revision-diff"] tr[data-field="${field}"]`,
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async open(role: string): Promise<void> {
    await this.shell.go('');
    await this.page.waitForSelector(this.elements.root(role));
  }

  /** A block's headline once its count is in (a skeleton stands there before). */
  async titleOf(name: string, text: RegExp): Promise<string> {
    const title = this.page.locator(this.elements.title(name)).filter({ hasText: text });
    await title.waitFor();
    return (await title.textContent()) ?? '';
  }

  async rowTexts(name: string): Promise<string[]> {
    await this.page.waitForSelector(this.elements.rows(name));
    return (await this.page.locator(this.elements.rows(name)).allTextContents()).map((text) =>
      text.trim(),
    );
  }
}
