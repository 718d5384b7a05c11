import { type Browser, type Page } from 'playwright-core';

import { AppShell } from './pages/app-shell.page';
import { LoginPage } from './pages/login.page';
import { newPage } from './support/browser';
import { type ConsoleStack, type Role, TEST_PASSWORD } from './support/console-stack';

export interface SignedIn {
  page: Page;
  shell: AppShell;
  close(): Promise<void>;
}

/** A fresh browser context (no session, default language) signed in as the role's test user. */
export async function signInAs(browser: Browser, app: ConsoleStack, role: Role): Promise<SignedIn> {
  const page = await newPage(browser);
  await new LoginPage(page, app.url).signIn(app.emailOf(role), TEST_PASSWORD);
  return {
    page,
    shell: new AppShell(page, app.url),
    close: () => page.context().close(),
  };
}
