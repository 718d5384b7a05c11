import { type Page } from 'playwright-core';

import { type AppShell } from './app-shell.page';

export type ApprovalStep = 'submit' | 'approve' | 'reject';

export class CampaignShowPage {
  readonly elements = {
    status: '[data-testid="campaign-status"]',
    syncState: '[data-testid="campaign-status"] [data-enum="syncState"]',
    approvalState: '[data-testid="campaign-status"] [data-enum="approvalState"]',
    recurrence: '[data-testid="campaign-recurrence"]',
    step: (step: ApprovalStep) => `[data-testid="campaign-${step}"]`,
    comment: '[data-testid="approval-comment"]',
    confirmStep: '[data-testid="approval-confirm"]',
    publish: '[data-testid="campaign-publish"]',
    unpublish: '[data-testid="campaign-unpublish"]',
    confirm: '.ra-confirm',
    edit: (id: string) => `a[href="#/campaigns/${id}"]`,
    tab: (path: string) => `a[href$="/show/${path}"]`,
    kakaoCopy: '[data-testid="kakao-copy"]',
    shareSnippet: '[data-testid="share-snippet"]',
  };

  constructor(
    private readonly page: Page,
    private readonly shell: AppShell,
  ) {}

  async open(id: string): Promise<void> {
    await this.shell.go(`campaigns/${id}/show`);
    await this.page.waitForSelector(this.elements.status);
  }

  /** The campaign's id once the page shows one (after a create, react-admin redirects here). */
  async waitForId(): Promise<string> {
    await this.page.waitForURL(/#\/campaigns\/[0-9a-f-]{36}\/show/);
    await this.page.waitForSelector(this.elements.status);
    return /#\/campaigns\/([0-9a-f-]{36})\/show/.exec(this.page.url())?.[1] ?? '';
  }

  async approvalState(): Promise<string | null> {
    return this.page.getAttribute(this.elements.approvalState, 'data-value');
  }

  async canTake(step: ApprovalStep): Promise<boolean> {
    return (await this.page.$(this.elements.step(step))) !== null;
  }

  async take(step: ApprovalStep, comment: string): Promise<void> {
    await this.page.click(this.elements.step(step));
    await this.page.fill(this.elements.comment, comment);
    await this.page.click(this.elements.confirmStep);
    await this.page.waitForSelector(this.elements.comment, { state: 'detached' });
  }

  async waitForApprovalState(state: string): Promise<void> {
    await this.page.waitForSelector(`${this.elements.approvalState}[data-value="${state}"]`);
  }

  async publish(): Promise<void> {
    await this.page.click(this.elements.publish);
    await this.page.click(this.elements.confirm);
  }

  async isPublishEnabled(): Promise<boolean> {
    const button = await this.page.$(this.elements.publish);
    return button !== null && (await button.isEnabled());
  }

  async canEdit(id: string): Promise<boolean> {
    return (await this.page.$(this.elements.edit(id))) !== null;
  }
}
