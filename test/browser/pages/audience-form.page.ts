import { type Locator, type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

/** The audience form: name, rule builder (groups of field / operator / value rows), live size. */
export class AudienceFormPage {
  readonly elements = {
    name: 'input[name="name"]',
    builder: '[data-testid="rule-builder-rules"]',
    group: '[data-testid="rule-group"]',
    row: '[data-testid="rule-row"]',
    field: '[data-testid="rule-field"] [role="combobox"]',
    operator: '[data-testid="rule-operator"] [role="combobox"]',
    choice: '[data-testid="rule-choice"] [role="combobox"]',
    value: '[data-testid="rule-value"]',
    attribute: '[data-testid="rule-attribute"]',
    option: (value: string) => `li[role="option"][data-value="${value}"]`,
    addRule: '[data-testid="add-rule"]',
    addGroup: '[data-testid="add-group"]',
    combinator: (combinator: 'and' | 'or') => `[data-testid="combinator-${combinator}"]`,
    liveSize: '[data-testid="live-size"]',
    liveCount: '[data-testid="live-size-count"]',
    save: '.RaToolbar-root button[type="submit"], button[type="submit"][aria-label]',
    ruleTree: '[data-testid="rule-tree"]',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async openCreate(): Promise<void> {
    await this.shell.go('audiences/create');
    await this.page.waitForSelector(this.elements.builder);
  }

  async fillName(name: string): Promise<void> {
    await this.page.fill(this.elements.name, name);
  }

  /** The groups of the builder, outermost first (document order). */
  group(index: number): Locator {
    return this.page.locator(`${this.elements.builder} ${this.elements.group}`).nth(index);
  }

  /** The rows directly in a group (not those of its nested groups). */
  rowsOf(group: Locator): Locator {
    return group.locator(`:scope > ${this.elements.row}`);
  }

  async addRule(group: Locator): Promise<Locator> {
    const before = await this.rowsOf(group).count();
    await group.locator(`:scope > div > ${this.elements.addRule}`).click();
    return this.rowsOf(group).nth(before);
  }

  async addGroup(group: Locator): Promise<void> {
    await group.locator(`:scope > div > ${this.elements.addGroup}`).click();
  }

  private async pick(row: Locator, select: string, value: string): Promise<void> {
    await row.locator(select).click();
    await this.page.click(this.elements.option(value));
    await this.page.locator('[role="listbox"]').waitFor({ state: 'detached' });
  }

  /** Sets a row: its field (and attribute name), operator and value(s). */
  async setRule(
    row: Locator,
    rule: {
      field: string;
      attribute?: string;
      operator?: string;
      values?: string[];
      value?: string;
    },
  ): Promise<void> {
    await this.pick(row, this.elements.field, rule.field);
    if (rule.attribute !== undefined) {
      await row.locator(this.elements.attribute).fill(rule.attribute);
    }
    if (rule.operator !== undefined) {
      await this.pick(row, this.elements.operator, rule.operator);
    }
    for (const value of rule.values ?? []) {
      await row.locator(this.elements.value).fill(value);
      await row.locator(this.elements.value).press('Enter');
    }
    if (rule.value !== undefined) {
      await row.locator(this.elements.value).fill(rule.value);
    }
  }

  /** Waits for the live size of the current rules (debounced, then asked of the API). */
  async liveSize(): Promise<number> {
    await this.page.waitForSelector(`${this.elements.liveSize}[data-state="ready"]`);
    // The rules may have just changed: let the debounce start, then wait for its answer.
    await this.page.waitForTimeout(600);
    await this.page.waitForSelector(`${this.elements.liveSize}[data-state="ready"]`);
    return Number(await this.page.getAttribute(this.elements.liveCount, 'data-count'));
  }

  async save(): Promise<void> {
    await this.page.locator(this.elements.save).first().click();
  }
}
