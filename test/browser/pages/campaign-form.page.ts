import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

export interface DraftInput {
  name: string;
  title: string;
  /** `YYYY-MM-DDTHH:mm` in the campaign's zone. */
  startsAt: string;
  endsAt: string;
}

export class CampaignFormPage {
  readonly elements = {
    input: (source: string) => `[name="${source}"]`,
    // react-admin marks each input's root with `ra-input-<source>`; MUI puts the message under it.
    helperText: (source: string) => `[class~="ra-input-${source}"] .MuiFormHelperText-root`,
    save: '.RaToolbar-root button[type="submit"], button[type="submit"][aria-label]',
    recurrenceToggle: '[data-testid="recurrence-toggle"] input',
    recurrenceSummary: '[data-testid="recurrence-summary"]',
    weekday: (day: string) => `[data-testid="weekday-${day}"]`,
    endAfterCount: '[data-testid="recurrence-end-count"] input',
    count: '[data-testid="recurrence-count"]',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async openCreate(): Promise<void> {
    await this.shell.go('campaigns/create');
    await this.page.waitForSelector(this.elements.input('name'));
  }

  async fill(source: string, value: string): Promise<void> {
    await this.page.fill(this.elements.input(source), value);
  }

  async fillDraft(draft: DraftInput): Promise<void> {
    await this.fill('name', draft.name);
    await this.fill('content.title', draft.title);
    await this.fill('content.startsAt', draft.startsAt);
    await this.fill('content.endsAt', draft.endsAt);
  }

  /** Switches repetition on, picks weekdays (Monday-first codes) and a number of times. */
  async repeatWeekly(weekdays: string[], times: number): Promise<string> {
    await this.page.check(this.elements.recurrenceToggle);
    for (const day of weekdays) {
      const button = this.page.locator(this.elements.weekday(day));
      if ((await button.getAttribute('aria-pressed')) !== 'true') {
        await button.click();
      }
    }
    await this.page.check(this.elements.endAfterCount);
    await this.page.fill(this.elements.count, String(times));
    return (await this.page.textContent(this.elements.recurrenceSummary)) ?? '';
  }

  async save(): Promise<void> {
    await this.page.locator(this.elements.save).first().click();
  }

  /** The error (or help) text shown under an input. */
  async messageUnder(source: string): Promise<string> {
    const helper = this.page.locator(this.elements.helperText(source));
    await helper.waitFor();
    return (await helper.textContent()) ?? '';
  }
}
