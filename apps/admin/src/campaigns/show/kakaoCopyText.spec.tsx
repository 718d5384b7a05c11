import { render, screen, waitFor } from '@testing-library/react';
import { AdminContext, type DataProvider, RecordContextProvider } from 'react-admin';

import { KakaoCopyPanel } from '@admin/campaigns/show/KakaoCopyPanel';
import { kakaoFieldText } from '@admin/campaigns/show/kakaoCopyText';
import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { translatorFor } from '@admin/test/translate';

const event = {
  title: '성수 팝업',
  time: {
    start_at: '2026-12-09T01:00:00Z',
    end_at: '2026-12-09T09:00:00Z',
    time_zone: 'Asia/Seoul',
    all_day: false,
  },
  rrule: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=4',
  reminders: [60, 1440],
  color: 'ORANGE',
  location: { name: '성수 팝업', address: '서울 성동구' },
  banner: { bg_color: '#FFAA00', link: { web_url: 'https://example.com' } },
};

describe('Kakao copy in words', () => {
  const ko = { translate: translatorFor('ko'), locale: 'ko', timeZone: 'Asia/Seoul' };

  it('shows times in the event’s zone rather than UTC', () => {
    const time = kakaoFieldText('time', event.time, event, ko) ?? '';
    expect(time).toContain('오전 10:00');
    expect(time).toContain('오후 6:00');
    expect(time).toContain('(Asia/Seoul)');
    expect(time).not.toContain('Z');
  });

  it('says the repeat rule, reminders and colour in Korean', () => {
    expect(kakaoFieldText('rrule', event.rrule, event, ko)).toBe('매주 수요일 및 토요일, 4회');
    expect(kakaoFieldText('reminders', event.reminders, event, ko)).toMatch(/1시간.*, .*1일/);
    expect(kakaoFieldText('color', event.color, event, ko)).toBe('주황');
    expect(kakaoFieldText('location', event.location, event, ko)).toBe(
      '장소 이름: 성수 팝업\n주소: 서울 성동구',
    );
    expect(kakaoFieldText('banner', event.banner, event, ko)).toContain(
      '배너 링크 (웹): https://example.com',
    );
    expect(kakaoFieldText('title', event.title, event, ko)).toBeUndefined();
  });

  it('shows all-day spans as days', () => {
    const allDay = {
      start_at: '2026-12-24T00:00:00Z',
      end_at: '2026-12-26T00:00:00Z',
      time_zone: 'Asia/Seoul',
      all_day: true,
    };
    const en = { translate: translatorFor('en'), locale: 'en', timeZone: 'Asia/Seoul' };
    expect(kakaoFieldText('time', allDay, { time: allDay }, en)).toBe(
      'Dec 24, 2026 – Dec 25, 2026 · All day',
    );
  });
});

describe('Kakao copy tab', () => {
  function renderFor(campaign: Record<string, unknown>) {
    const dataProvider = {
      getOne: () => Promise.resolve({ data: { id: 'ch', timeZone: 'Asia/Seoul' } }),
    } as unknown as DataProvider;
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider('ko')}>
        <RecordContextProvider value={{ id: 'c1', ...campaign }}>
          <KakaoCopyPanel />
        </RecordContextProvider>
      </AdminContext>,
    );
  }

  it('tells a withdrawn campaign from one never published', async () => {
    renderFor({ kakaoEventId: null, kakaoCheckedAt: '2026-12-08T00:00:00Z' });
    await waitFor(() => expect(screen.getByText(/게시를 취소해/)).toBeTruthy());
  });

  it('says a draft is not published yet', async () => {
    renderFor({ kakaoEventId: null, kakaoCheckedAt: null });
    await waitFor(() => expect(screen.getByText(/아직 게시하지 않아/)).toBeTruthy());
  });
});
