import { tmpdir } from 'node:os';
import path from 'node:path';

import { type Browser, type Page } from 'playwright-core';

import { CampaignFormPage } from './pages/campaign-form.page';
import { CampaignShowPage } from './pages/campaign-show.page';
import { signInAs, type SignedIn } from './sign-in';
import { launchBrowser } from './support/browser';
import { type ConsoleStack, Role, startConsoleStack } from './support/console-stack';

jest.setTimeout(180_000);

/** Where screenshots of this spec go, for a person to look at (`SCREENSHOT_DIR` or the temp dir). */
function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? tmpdir(), name) });
}

const LANGUAGES = [
  { locale: 'ko', name: '한국어' },
  { locale: 'en', name: 'English' },
] as const;

describe('campaign screens as a person sees them', () => {
  let app: ConsoleStack;
  let browser: Browser;
  let publishedId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleStack(), launchBrowser()]);
    const campaign = await app.createCampaign(Role.Marketer, {
      name: 'Screens pop-up',
      tags: [],
      content: {
        title: '성수 팝업 스토어',
        allDay: false,
        startsAt: '2030-04-10T10:00:00+09:00',
        endsAt: '2030-04-10T18:00:00+09:00',
        timeZone: 'Asia/Seoul',
        rrule: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=4',
        reminders: [60, 1440],
        color: 'ORANGE',
        location: { name: '성수 팝업', address: '서울 성동구 연무장길 1' },
      },
    });
    const published = await app.publish(campaign.id);
    publishedId = published.id;
    // A second revision that moves the place, for the revisions tab.
    const edited = await app.stack.call<{ version: number }>(
      Role.Marketer,
      'PUT',
      `/api/campaigns/${publishedId}`,
      {
        version: published.version,
        content: {
          title: '성수 팝업 스토어',
          allDay: false,
          startsAt: '2030-04-10T10:00:00+09:00',
          endsAt: '2030-04-10T18:00:00+09:00',
          timeZone: 'Asia/Seoul',
          rrule: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=4',
          reminders: [60, 1440],
          color: 'ORANGE',
          location: { name: '성수 팝업 2호점', address: '서울 성동구 연무장길 1' },
        },
      },
    );
    expect(edited.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(locale: 'ko' | 'en'): Promise<SignedIn> {
    const session = await signInAs(browser, app, Role.Marketer);
    if (locale === 'en') {
      await session.shell.switchLanguage('English');
    }
    return session;
  }

  it.each(LANGUAGES)(
    '$locale: the form survives a cleared start, counts the title and scrolls to the problem',
    async ({ locale }) => {
      const session = await signedIn(locale);
      try {
        const { page } = session;
        const form = new CampaignFormPage(page, session.shell);
        await form.openCreate();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));

        // Clearing the start (one Backspace on a date-time input) keeps the form.
        await page.focus(form.elements.input('content.startsAt'));
        await page.keyboard.press('Backspace');
        await page.fill(form.elements.input('name'), 'Still here');
        expect(await page.inputValue(form.elements.input('name'))).toBe('Still here');

        await page.fill(form.elements.input('content.title'), '가'.repeat(60));
        const counter = page.locator('[data-testid="length-content.title"]');
        expect(await counter.textContent()).toBe(locale === 'ko' ? '60/50자' : '60/50');
        await shot(page, `campaign-form-counter-${locale}.png`);

        await page.locator(form.elements.save).first().scrollIntoViewIfNeeded();
        await form.save();
        const start = page.locator(form.elements.input('content.startsAt'));
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('name') === 'content.title',
        );
        // The scroll is smooth: let it settle.
        await page.waitForTimeout(800);
        expect(await page.locator(form.elements.input('content.title')).isVisible()).toBe(true);
        const inView = await page
          .locator(form.elements.input('content.title'))
          .evaluate((input) => {
            const box = input.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          });
        expect(inView).toBe(true);
        expect(await start.getAttribute('aria-invalid')).toBe('true');
        expect(await form.messageUnder('content.startsAt')).toBe(
          locale === 'ko' ? '필수 항목입니다' : 'Required',
        );
        await shot(page, `campaign-form-errors-${locale}.png`);
        expect(errors).toEqual([]);
      } finally {
        await session.close();
      }
    },
  );

  it('brings the field the API refused into view after Save', async () => {
    const session = await signedIn('ko');
    try {
      const { page } = session;
      const form = new CampaignFormPage(page, session.shell);
      await form.openCreate();
      await form.fillDraft({
        name: 'Ends too early',
        title: '끝이 먼저',
        startsAt: '2030-04-12T10:00',
        endsAt: '2030-04-12T09:00',
      });
      await page.locator(form.elements.save).first().scrollIntoViewIfNeeded();
      await form.save();
      expect(await form.messageUnder('content.endsAt')).toBe('시작 시간 이후여야 합니다');
      await page.waitForFunction(
        () => document.activeElement?.getAttribute('name') === 'content.endsAt',
      );
      await page.waitForTimeout(800);
      const inView = await page.locator(form.elements.input('content.endsAt')).evaluate((input) => {
        const box = input.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
      expect(inView).toBe(true);
      await shot(page, 'campaign-form-server-error-ko.png');
    } finally {
      await session.close();
    }
  });

  it.each(LANGUAGES)(
    '$locale: Kakao’s copy reads in local time and words; revisions label each part',
    async ({ locale }) => {
      const session = await signedIn(locale);
      try {
        const { page } = session;
        const show = new CampaignShowPage(page, session.shell);
        await show.open(publishedId);
        await page.click(show.elements.tab('kakao'));
        await page.waitForSelector(show.elements.kakaoCopy);
        const time = (await page.textContent('[data-testid="kakao-row-time"]')) ?? '';
        expect(time).toContain('(Asia/Seoul)');
        expect(time).not.toMatch(/start_at|Z"/);
        expect(await page.textContent('[data-testid="kakao-row-color"]')).toContain(
          locale === 'ko' ? '주황' : 'Orange',
        );
        expect(await page.textContent('[data-testid="kakao-row-rrule"]')).not.toContain('FREQ=');
        await shot(page, `kakao-copy-${locale}.png`);

        await page.click(show.elements.tab('revisions'));
        const diff = page.locator('[data-testid="revision-diff"]');
        await diff.waitFor();
        const text = (await diff.textContent()) ?? '';
        expect(text).toContain(locale === 'ko' ? '장소 이름' : 'Place name');
        expect(text).not.toContain('content.location');
        expect(text).not.toContain('{');
        // The short headers stay on one line.
        const header = page.locator('[data-testid="revision-list"] thead th').first();
        expect((await header.boundingBox())?.height ?? 100).toBeLessThan(40);
        await shot(page, `revisions-${locale}.png`);
      } finally {
        await session.close();
      }
    },
  );

  it.each(LANGUAGES)(
    '$locale: the empty unmanaged-events list still offers the comparison with Kakao',
    async ({ locale }) => {
      const session = await signedIn(locale);
      try {
        const { page } = session;
        await session.shell.go('unmanaged-events');
        await page.waitForSelector('[data-testid="unmanaged-empty"]');
        expect(
          await page
            .locator('[data-testid="unmanaged-empty"] button')
            .filter({ hasText: locale === 'ko' ? '카카오와 비교' : 'Compare with Kakao' })
            .count(),
        ).toBe(1);
        await shot(page, `unmanaged-empty-${locale}.png`);
      } finally {
        await session.close();
      }
    },
  );
});
