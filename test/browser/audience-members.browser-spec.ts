import { type Browser } from 'playwright-core';

import { registerSandboxRecipients } from '@app/console-http';
import { type SandboxUser } from '@app/testing';

import { AudienceShowPage } from './pages/audience-show.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

const SHOTS = process.env.SCREENSHOT_DIR;

describe('audience members', () => {
  let app: ConsoleStack;
  let browser: Browser;
  let users: SandboxUser[];
  let list: string;
  let everyone: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    const { stack } = app;
    // Two people share a nickname: the finder must tell them apart.
    users = await registerSandboxRecipients({
      apiUrl: stack.apiUrl,
      sandboxUrl: stack.sandboxUrl,
      appId: stack.sandboxApp.app_id,
      channelId: stack.channel.id,
      count: 3,
      asAdmin: (method, path, body) => stack.call(Role.Admin, method, path, body),
      profile: (index) => ({ nickname: index < 2 ? '조수아' : '김하늘', tags: ['vip'] }),
    });
    list = (
      await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
        name: 'Pop-up guests',
        kind: 'static',
      })
    ).body.id;
    everyone = (
      await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
        name: 'Everyone',
        kind: 'dynamic',
        rules: {
          combinator: 'and',
          children: [{ field: 'consentState', operator: 'eq', value: 'active' }],
        },
      })
    ).body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('sizes audiences in the list, lists who matches, and adds a namesake by name', async () => {
    const session = await signInAs(browser, app, Role.Scheduler);
    try {
      const audiences = new AudienceShowPage(session.page, session.shell);
      await audiences.openList();
      expect(await audiences.listedSize('Everyone')).toBe(3);
      expect(await audiences.listedSize('Pop-up guests')).toBe(0);
      if (SHOTS) {
        await session.page.screenshot({ path: `${SHOTS}/audience-list-ko.png` });
      }

      await audiences.open(everyone);
      expect(await audiences.memberRows(3)).toHaveLength(3);

      await audiences.open(list);
      await session.page.waitForSelector(audiences.elements.membersEmpty);
      const second = String(users[1].user_id);
      await audiences.findAndPick('조수아', second);
      expect((await audiences.pickedIds()).trim()).toBe(second);
      await audiences.addPicked();
      const rows = await audiences.memberRows(1);
      expect(rows[0]).toContain(second);
      expect(rows[0]).toContain('조수아');
      if (SHOTS) {
        await session.page.screenshot({ path: `${SHOTS}/audience-static-ko.png`, fullPage: true });
        await session.shell.switchLanguage('English');
        await session.page.waitForSelector('text=Members');
        await session.page.screenshot({ path: `${SHOTS}/audience-static-en.png`, fullPage: true });
        await audiences.openList();
        await audiences.listedSize('Everyone');
        await session.page.screenshot({ path: `${SHOTS}/audience-list-en.png` });
      }
    } finally {
      await session.close();
    }
  });
});
