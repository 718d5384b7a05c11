import { type Page } from 'playwright-core';

/** What every screen has: the menu, the app bar with the channel and the language switch. */
export class AppShell {
  readonly elements = {
    menu: '[data-testid="console-menu"]',
    menuLinks: '[data-testid="console-menu"] a[href^="#/"]',
    menuItem: (path: string) => `[data-testid="console-menu"] a[href="#/${path}"]`,
    title: '#react-admin-title',
    currentChannel: '[data-testid="current-channel"]',
    channelSwitcher: '[data-testid="channel-switcher"] [role="combobox"]',
    channelChoice: (name: string) => `li[role="option"]:has-text("${name}")`,
    languageButton: '.RaLocalesMenuButton-root button, button[aria-controls="simple-menu"]',
    languageChoice: (name: string) => `li[role="menuitem"]:has-text("${name}")`,
    notification: '.RaNotification-root, [role="alert"]',
  };

  constructor(
    private readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** The menu's targets (`campaigns`, `calendar`, ...), in order. */
  async menuTargets(): Promise<string[]> {
    await this.page.waitForSelector(this.elements.menuLinks);
    const read = async (): Promise<string[]> => {
      const links = await this.page.locator(this.elements.menuLinks).all();
      const hrefs = await Promise.all(links.map((link) => link.getAttribute('href')));
      return hrefs.map((href) => (href ?? '').replace(/^#\//, ''));
    };
    // Items appear as their access checks settle: read until two reads agree.
    let previous = await read();
    for (;;) {
      await this.page.waitForTimeout(300);
      const current = await read();
      if (current.join() === previous.join()) {
        return current;
      }
      previous = current;
    }
  }

  async menuLabels(): Promise<string[]> {
    const labels = await this.page.locator(this.elements.menuLinks).allTextContents();
    return labels.map((label) => label.trim());
  }

  async go(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/${path}`);
  }

  /** Picks another channel in the app bar (users of several channels only). */
  async switchChannel(name: string): Promise<void> {
    await this.page.click(this.elements.channelSwitcher);
    await this.page.click(this.elements.channelChoice(name));
  }

  async switchLanguage(name: string): Promise<void> {
    await this.page.click(this.elements.languageButton);
    await this.page.click(this.elements.languageChoice(name));
  }
}
