import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

export interface BlastMessageInput {
  name: string;
  /** The published campaign's name, as the picker lists it. */
  campaign: string;
  title: string;
  description: string;
  webUrl: string;
  button?: { title: string; webUrl: string };
}

/** The blast wizard: message (with its Kakao preview), audience, schedule, delivery, review, start. */
export class BlastWizardPage {
  readonly elements = {
    input: (source: string) => `[name="${source}"]`,
    option: (text: string) => `li[role="option"]:has-text("${text}")`,
    step: (step: string) => `[data-testid="wizard-${step}"]`,
    next: '[data-testid="wizard-next"]',
    save: '[data-testid="wizard-save"]',
    preview: '[data-testid="wizard-message"] [data-testid="calendar-message-preview"]',
    previewTitle: '[data-testid="wizard-message"] [data-testid="preview-title"]',
    previewCustomButton: '[data-testid="wizard-message"] [data-testid="preview-custom-button"]',
    estimateRecipients: '[data-testid="wizard-review"] [data-testid="estimate-recipients"]',
    start: '[data-testid="wizard-start"] [data-testid="blast-start"]',
    startStep: '[data-testid="wizard-start"]',
    confirm: '.ra-confirm',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async openCreate(): Promise<void> {
    await this.shell.go('blasts/create');
    await this.page.waitForSelector(this.elements.input('name'));
  }

  async fill(source: string, value: string): Promise<void> {
    await this.page.fill(this.elements.input(source), value);
  }

  /** Types into a reference picker and takes the suggestion that names the record. */
  async pick(source: string, text: string): Promise<void> {
    await this.page.click(this.elements.input(source));
    await this.page.fill(this.elements.input(source), text);
    await this.page.click(this.elements.option(text));
  }

  async fillMessage(message: BlastMessageInput): Promise<void> {
    await this.fill('name', message.name);
    await this.pick('message.campaignId', message.campaign);
    await this.fill('message.title', message.title);
    await this.fill('message.description', message.description);
    await this.fill('message.webUrl', message.webUrl);
    if (message.button) {
      await this.page.check(this.elements.input('customButton'));
      await this.fill('message.button.title', message.button.title);
      await this.fill('message.button.webUrl', message.button.webUrl);
    }
  }

  async next(): Promise<void> {
    await this.page.click(this.elements.next);
  }

  async waitForStep(step: string): Promise<void> {
    await this.page.locator(this.elements.step(step)).waitFor({ state: 'visible' });
  }

  async setSwitch(source: string, on: boolean): Promise<void> {
    const input = this.page.locator(this.elements.input(source));
    if (on) {
      await input.check();
    } else {
      await input.uncheck();
    }
  }

  async estimatedRecipients(): Promise<string> {
    const figure = this.page.locator(this.elements.estimateRecipients);
    await figure.waitFor();
    return (await figure.textContent()) ?? '';
  }

  /** Saves the draft, then starts it from the wizard's last step; the blast's page opens. */
  async saveAndStart(): Promise<string> {
    await this.page.click(this.elements.save);
    await this.page.waitForSelector(this.elements.startStep);
    await this.page.click(this.elements.start);
    await this.page.click(this.elements.confirm);
    await this.page.waitForURL(/#\/blasts\/[0-9a-f-]{36}\/show/);
    return /#\/blasts\/([0-9a-f-]{36})\/show/.exec(this.page.url())?.[1] ?? '';
  }
}
