import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

/** The webhook screens: create (with the secret shown once), show with test ping and deliveries. */
export class WebhooksPage {
  readonly elements = {
    url: 'input[name="url"]',
    event: (type: string) => `input[type="checkbox"][value="${type}"]`,
    description: 'input[name="description"]',
    save: 'button[type="submit"]',
    secret: '[data-testid="webhook-secret"]',
    secretDone: '[role="dialog"] .MuiDialogActions-root button:last-child',
    testPing: '[data-testid="webhook-test"]',
    deliveryRows: '.RaReferenceManyField-root tbody tr, .RaDataTable-root tbody tr',
    attempts: '[data-testid="webhook-attempts"]',
    listRows: '.RaDataTable-root tbody tr, .RaDatagrid-root tbody tr',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  /** Fills and saves the create form; answers the secret the dialog shows once. */
  async create(url: string, events: string[], description: string): Promise<string> {
    await this.shell.go('webhooks/create');
    await this.page.fill(this.elements.url, url);
    for (const event of events) {
      await this.page.check(this.elements.event(event));
    }
    await this.page.fill(this.elements.description, description);
    await this.page.click(this.elements.save);
    const secret = (await this.page.textContent(this.elements.secret))?.trim() ?? '';
    await this.page.click(this.elements.secretDone);
    await this.page.waitForURL(/#\/webhooks\/[0-9a-f-]+\/show/);
    return secret;
  }

  async sendTestPing(): Promise<void> {
    await this.page.click(this.elements.testPing);
  }

  /** The deliveries table's rows as text, read afresh after a reload. */
  async deliveryRowTexts(): Promise<string[]> {
    await this.page.reload();
    await this.page.waitForSelector(this.elements.testPing);
    return this.page.locator(this.elements.deliveryRows).allTextContents();
  }

  /** Expands the newest delivery and answers its attempt log's text. */
  async newestAttemptsText(): Promise<string> {
    await this.page.locator(this.elements.deliveryRows).first().click();
    await this.page.waitForSelector(this.elements.attempts);
    return (await this.page.textContent(this.elements.attempts)) ?? '';
  }
}
