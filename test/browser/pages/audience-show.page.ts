import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

/** An audience's page: its size, the member table and (static lists) the member editor. */
export class AudienceShowPage {
  readonly elements = {
    listSize: (name: string) => `tr:has-text("${name}") [data-testid="audience-size"]`,
    memberTable: '[data-testid="audience-member-table"]',
    memberRows: '[data-testid="audience-member-table"] tbody tr',
    membersEmpty: '[data-testid="audience-members-empty"]',
    finder: '[data-testid="recipient-finder"]',
    finderOption: '[data-testid="recipient-option"]',
    memberIds: '[data-testid="member-ids"]',
    add: '[data-testid="add-members"]',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async openList(): Promise<void> {
    await this.shell.go('audiences');
  }

  /** The "can be messaged now" number of an audience's row in the list. */
  async listedSize(name: string): Promise<number> {
    const cell = this.page.locator(this.elements.listSize(name));
    await cell.waitFor();
    return Number(await cell.getAttribute('data-count'));
  }

  async open(id: string): Promise<void> {
    await this.shell.go(`audiences/${id}/show`);
    await this.page.waitForSelector(this.elements.memberTable);
  }

  /** Texts of the member table's rows, once it shows `count` of them. */
  async memberRows(count: number): Promise<string[]> {
    const rows = this.page.locator(this.elements.memberRows);
    await this.page.waitForFunction(
      ([selector, wanted]) => document.querySelectorAll(selector).length === wanted,
      [this.elements.memberRows, count] as const,
    );
    return rows.allInnerTexts();
  }

  /** Types into the finder and picks the suggestion whose text has `text` (e.g. the user id). */
  async findAndPick(query: string, text: string): Promise<void> {
    await this.page.fill(this.elements.finder, query);
    await this.page.locator(this.elements.finderOption, { hasText: text }).click();
  }

  async pickedIds(): Promise<string> {
    return this.page.inputValue(this.elements.memberIds);
  }

  async addPicked(): Promise<void> {
    await this.page.click(this.elements.add);
  }
}
