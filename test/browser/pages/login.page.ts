import { type Page } from 'playwright-core';

export class LoginPage {
  readonly elements = {
    username: 'input[name="username"]',
    password: 'input[name="password"]',
    submit: 'button[type="submit"]',
    menu: '[data-testid="console-menu"]',
  };

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/login`);
    await this.page.waitForSelector(this.elements.username);
  }

  /** Signs in and waits for the console's menu. */
  async signIn(email: string, password: string): Promise<void> {
    await this.open();
    await this.page.fill(this.elements.username, email);
    await this.page.fill(this.elements.password, password);
    await this.page.click(this.elements.submit);
    await this.page.waitForSelector(this.elements.menu);
  }
}
