import { existsSync } from 'node:fs';

import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's chromium; `apt-get install -y chromium` when missing (.ci/run does it). */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium".`);
  }
  return CHROMIUM;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh page (own storage: no session, default language) in a desktop-sized window. */
export async function newPage(browser: Browser, locale = 'ko-KR'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 960 },
    locale,
    timezoneId: 'Asia/Seoul',
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}
