import { type Browser } from 'playwright-core';

import { CampaignFormPage } from './pages/campaign-form.page';
import { CampaignListPage } from './pages/campaign-list.page';
import { CampaignShowPage } from './pages/campaign-show.page';
import { signInAs } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

describe('a campaign from draft to published', () => {
  let app: ConsoleStack;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('marketer drafts with a recurrence, manager approves, marketer publishes', async () => {
    // The marketer writes a weekly draft and asks for approval.
    const marketer = await signInAs(browser, app, Role.Marketer);
    const form = new CampaignFormPage(marketer.page, marketer.shell);
    await form.openCreate();
    await form.fillDraft({
      name: 'Weekend live',
      title: '주말 라이브 방송',
      startsAt: '2030-04-13T20:00',
      endsAt: '2030-04-13T21:00',
    });
    const summary = await form.repeatWeekly(['SA', 'SU'], 6);
    expect(summary).toBe('매주 토요일 및 일요일, 6회');
    await form.save();

    const show = new CampaignShowPage(marketer.page, marketer.shell);
    const id = await show.waitForId();
    expect(await marketer.page.textContent(show.elements.recurrence)).toBe(
      '매주 토요일 및 일요일, 6회',
    );
    const saved = await app.stack.call<{ content: { rrule: string; startsAt: string } }>(
      Role.Marketer,
      'GET',
      `/api/campaigns/${id}`,
    );
    expect(saved.body.content.rrule).toBe('FREQ=WEEKLY;BYDAY=SA,SU;COUNT=6');
    expect(Date.parse(saved.body.content.startsAt)).toBe(Date.parse('2030-04-13T20:00:00+09:00'));
    expect(await show.isPublishEnabled()).toBe(false);
    await show.take('submit', '검토 부탁드립니다');
    await show.waitForApprovalState('submitted');
    await marketer.close();

    // The manager approves it with a comment.
    const manager = await signInAs(browser, app, Role.Manager);
    const review = new CampaignShowPage(manager.page, manager.shell);
    await review.open(id);
    await review.take('approve', '좋습니다');
    await review.waitForApprovalState('approved');
    await manager.close();

    // The marketer publishes; the list row turns "published" when the worker is done.
    const publisher = await signInAs(browser, app, Role.Marketer);
    const again = new CampaignShowPage(publisher.page, publisher.shell);
    await again.open(id);
    expect(await again.isPublishEnabled()).toBe(true);
    await again.publish();
    const list = new CampaignListPage(publisher.page, publisher.shell);
    await list.open();
    await list.waitForSyncState('Weekend live', 'published');
    expect(await list.syncStateLabel('Weekend live')).toBe('게시됨');
    await publisher.close();

    const published = await app.campaign(id);
    expect(published.kakaoEventId).toEqual(expect.any(String));
  });
});
