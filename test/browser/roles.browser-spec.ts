import { type Browser } from 'playwright-core';

import { UsersService } from '@app/accounts';
import { ChannelsService } from '@app/channels';

import { AppShell } from './pages/app-shell.page';
import { CampaignListPage } from './pages/campaign-list.page';
import { CampaignShowPage } from './pages/campaign-show.page';
import { LoginPage } from './pages/login.page';
import { signInAs } from './sign-in';
import { launchBrowser, newPage } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack, TEST_PASSWORD } from './support/console-stack';

jest.setTimeout(120_000);

/** What each role's menu holds ('' is its home); react-admin hides what the role may not see. */
const MENU: Record<Role, string[]> = {
  [Role.Marketer]: ['', 'campaigns', 'calendar', 'unmanaged-events', 'subscribe-calendars'],
  [Role.Manager]: [
    '',
    'reach',
    'campaigns',
    'calendar',
    'unmanaged-events',
    'subscribe-calendars',
    'recipients',
    'audiences',
    'blasts',
    'users',
    'audit-log',
  ],
  [Role.Scheduler]: [
    '',
    'campaigns',
    'calendar',
    'unmanaged-events',
    'subscribe-calendars',
    'recipients',
    'audiences',
    'blasts',
  ],
  [Role.Admin]: [
    '',
    'reach',
    'campaigns',
    'calendar',
    'unmanaged-events',
    'subscribe-calendars',
    'recipients',
    'audiences',
    'blasts',
    'users',
    'channels',
    'audit-log',
    'webhooks',
    'queues',
  ],
};

describe('each role sees only what it may', () => {
  let app: ConsoleStack;
  let browser: Browser;
  let submittedId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    const draft = await app.createCampaign(Role.Marketer, {
      name: 'Role check',
      tags: [],
      content: {
        title: '역할 확인',
        allDay: false,
        startsAt: '2030-04-12T10:00:00+09:00',
        endsAt: '2030-04-12T11:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    });
    await app.stack.call(Role.Marketer, 'POST', `/api/campaigns/${draft.id}/submit`, {});
    submittedId = draft.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(Object.values(Role))('%s: menu, create button and approval steps', async (role) => {
    const session = await signInAs(browser, app, role);
    try {
      expect(await session.shell.menuTargets()).toEqual(MENU[role]);

      const list = new CampaignListPage(session.page, session.shell);
      await list.open();
      expect(await list.canCreate()).toBe(role === Role.Marketer || role === Role.Admin);

      const show = new CampaignShowPage(session.page, session.shell);
      await show.open(submittedId);
      const approves = role === Role.Manager || role === Role.Admin;
      expect(await show.canTake('approve')).toBe(approves);
      expect(await show.canTake('reject')).toBe(approves);
      expect(await show.canEdit(submittedId)).toBe(role === Role.Marketer || role === Role.Admin);

      // Screens outside the role's permissions answer "access denied", not the data.
      if (!MENU[role].includes('audit-log')) {
        await session.shell.go('audit-log');
        await session.page.waitForSelector('text=/접근 권한|Access denied/');
      }
    } finally {
      await session.close();
    }
  });

  it('a user of two channels switches between them and sees each one’s data and role', async () => {
    const second = await app.stack.api.get(ChannelsService).upsert({
      name: 'Second shop',
      channelPublicId: `_second${Date.now().toString(36)}`,
      timeZone: 'Asia/Tokyo',
    });
    const email = `two-channels-${Date.now().toString(36)}@example.test`;
    await app.stack.api.get(UsersService).provision({
      email,
      displayName: 'Two channels',
      password: TEST_PASSWORD,
      memberships: [
        { channelId: app.stack.channel.id, role: Role.Marketer },
        { channelId: second.id, role: Role.Admin },
      ],
    });
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${app.url}/api/campaigns`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-channel-id': second.id,
      },
      body: JSON.stringify({
        name: 'Only in the second shop',
        content: {
          title: '두 번째 채널',
          allDay: true,
          startDate: '2030-04-12',
          endDate: '2030-04-12',
          timeZone: 'Asia/Tokyo',
        },
      }),
    });
    expect(created.status).toBe(201);

    const page = await newPage(browser);
    try {
      await new LoginPage(page, app.url).signIn(email, TEST_PASSWORD);
      const shell = new AppShell(page, app.url);
      const list = new CampaignListPage(page, shell);

      await shell.switchChannel(app.stack.channel.name);
      await list.open();
      await page.waitForSelector(list.elements.row('Role check'));
      expect(await page.$(list.elements.row('Only in the second shop'))).toBeNull();
      expect(await shell.menuTargets()).toEqual(MENU[Role.Marketer]);

      // A switch leads to the home of the role held in that channel.
      await shell.switchChannel('Second shop');
      await page.waitForSelector('[data-testid="role-home"][data-role="admin"]');
      await list.open();
      await page.waitForSelector(list.elements.row('Only in the second shop'));
      expect(await page.$(list.elements.row('Role check'))).toBeNull();
      // An admin of both channels, but not an instance operator: no queue board.
      expect(await shell.menuTargets()).toEqual(
        MENU[Role.Admin].filter((target) => target !== 'queues'),
      );
    } finally {
      await page.context().close();
    }
  });
});
