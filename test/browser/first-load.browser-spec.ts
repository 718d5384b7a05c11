import { type Browser, type Page } from 'playwright-core';

import { LoginPage } from './pages/login.page';
import { launchBrowser, newPage } from './support/browser';
import { type ConsoleStack, startConsoleStack } from './support/console-stack';

jest.setTimeout(90_000);

/** Counts hash changes and history pushes from the first script on, in the page itself. */
async function countNavigations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts = { hashchange: 0, pushState: 0, replaceState: 0 };
    Object.assign(window, { __navigations: counts });
    window.addEventListener('hashchange', () => {
      counts.hashchange += 1;
    });
    const push = history.pushState.bind(history);
    const replace = history.replaceState.bind(history);
    history.pushState = (...args: Parameters<History['pushState']>) => {
      counts.pushState += 1;
      push(...args);
    };
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      counts.replaceState += 1;
      replace(...args);
    };
  });
}

function navigations(page: Page): Promise<{ [kind: string]: number }> {
  return page.evaluate(
    () => (window as unknown as { __navigations: { [kind: string]: number } }).__navigations,
  );
}

/** A visitor without a session gets the sign-in form at once, whatever address they open. */
describe('first load when signed out', () => {
  let app: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack({ worker: false }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(['/', '/#/campaigns', '/#/blasts/create'])(
    'opening %s shows the sign-in form at once, without a redirect loop',
    async (path) => {
      const page = await newPage(browser);
      try {
        await countNavigations(page);
        const login = new LoginPage(page, app.url);
        const started = performance.now();
        await page.goto(`${app.url}${path}`, { waitUntil: 'commit' });
        await page.waitForSelector(login.elements.username, { timeout: 10_000 });
        const shownMs = Math.round(performance.now() - started);
        // A measurement, not a race: printed for the record, failing only far above the second
        // a person should wait (a loaded CI box must not turn it red).
        console.log(`signed-out first load of ${path}: sign-in form after ${shownMs} ms`);
        expect(shownMs).toBeLessThan(3_000);
        expect(page.url()).toMatch(/#\/login$/);

        // Settled: nothing navigates once the form is up.
        const before = await navigations(page);
        await page.waitForTimeout(1_500);
        const after = await navigations(page);
        expect(after).toEqual(before);
        // The router rewrites the entry a few times while it starts; no entries pile up in history.
        expect(after.pushState).toBe(0);
        expect(after.hashchange + after.replaceState).toBeLessThan(10);
      } finally {
        await page.context().close();
      }
    },
  );
});
