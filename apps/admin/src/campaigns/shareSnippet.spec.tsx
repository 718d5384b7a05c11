import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, Notification, RecordContextProvider } from 'react-admin';

import { shareSnippet } from '@admin/campaigns/shareSnippet';
import { SharePanel } from '@admin/campaigns/show/SharePanel';
import { type CampaignContent } from '@admin/campaigns/types';
import { createI18nProvider } from '@admin/i18n/i18nProvider';

const content: CampaignContent = {
  title: '성수 팝업 스토어',
  description: '4/12–4/14 성수동\n둘째 줄\n셋째 줄\n넷째 줄\n다섯째 줄',
  allDay: false,
  startsAt: '2030-04-12T10:00:00+09:00',
  endsAt: '2030-04-12T19:00:00+09:00',
  timeZone: 'Asia/Seoul',
  banner: {
    pcImageUrl: 'https://cdn.example.com/pc.png',
    mobileImageUrl: 'https://cdn.example.com/m.png',
    webUrl: 'https://example.com/popup',
  },
  reminderButton: { title: '자세히', mobileWebUrl: 'https://m.example.com/popup' },
};

/** The object a snippet passes to `Kakao.Share.sendDefault(...)`. */
function callArgument(code: string): unknown {
  const match = /^Kakao\.Share\.sendDefault\(([\s\S]*)\);\n$/.exec(code);
  expect(match).not.toBeNull();
  return JSON.parse(match?.[1] ?? 'null');
}

describe('share snippet', () => {
  it('is a Kakao.Share.sendDefault call with the calendar object of the public event', () => {
    const snippet = shareSnippet({ kakaoEventId: 'ev_7f3c', content });
    expect(snippet.ok).toBe(true);
    if (!snippet.ok) {
      return;
    }
    expect(snippet.code.startsWith('Kakao.Share.sendDefault(')).toBe(true);
    expect(callArgument(snippet.code)).toEqual({
      objectType: 'calendar',
      idType: 'event',
      id: 'ev_7f3c',
      content: {
        title: '성수 팝업 스토어',
        description: '4/12–4/14 성수동\n둘째 줄\n셋째 줄\n넷째 줄',
        imageUrl: 'https://cdn.example.com/m.png',
        link: { webUrl: 'https://example.com/popup', mobileWebUrl: 'https://m.example.com/popup' },
      },
      buttons: [{ title: '자세히', link: { mobileWebUrl: 'https://m.example.com/popup' } }],
    });
  });

  it('leaves out the custom button when the campaign has none (Kakao adds its own)', () => {
    const snippet = shareSnippet({
      kakaoEventId: 'ev_1',
      content: { ...content, reminderButton: undefined },
    });
    expect(snippet.ok && snippet.object.buttons).toBeUndefined();
  });

  it('is safe to paste inside a <script> element', () => {
    const snippet = shareSnippet({
      kakaoEventId: 'ev_1',
      content: { ...content, title: '</script><script>alert(1)</script>' },
    });
    expect(snippet.ok && snippet.code).not.toContain('</script>');
    expect(snippet.ok && (callArgument(snippet.code) as typeof snippet.object).content.title).toBe(
      '</script><script>alert(1)</script>',
    );
  });

  it('says what is missing: a published event and a link', () => {
    expect(
      shareSnippet({
        kakaoEventId: null,
        content: { ...content, banner: undefined, reminderButton: undefined },
      }),
    ).toEqual({
      ok: false,
      problems: ['needs_event', 'needs_link'],
    });
  });

  it('shows the snippet with a copy button, in the reader’s language', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    render(
      <AdminContext i18nProvider={createI18nProvider('ko')}>
        <RecordContextProvider value={{ id: 'c1', kakaoEventId: 'ev_7f3c', content }}>
          <SharePanel />
        </RecordContextProvider>
        <Notification />
      </AdminContext>,
    );
    expect(screen.getByTestId('share-snippet').textContent).toContain('"id": "ev_7f3c"');
    fireEvent.click(screen.getByText('스니펫 복사'));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Kakao.Share.sendDefault'));
    expect(await screen.findByText('클립보드에 복사했습니다')).toBeTruthy();
  });

  it('asks to publish first when there is no Kakao event yet', () => {
    render(
      <AdminContext i18nProvider={createI18nProvider('en')}>
        <RecordContextProvider value={{ id: 'c1', kakaoEventId: null, content }}>
          <SharePanel />
        </RecordContextProvider>
      </AdminContext>,
    );
    expect(screen.getByText(/Publish the campaign first/)).toBeTruthy();
  });
});
