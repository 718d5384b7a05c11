import { type EventDetail } from '@app/kakao-client';

import { type CampaignContent } from './campaign-content';
import { diffWithKakao, toPublicEvent } from './kakao-event-mapping';

const timed: CampaignContent = {
  title: 'Spring Pop-up',
  allDay: false,
  startsAt: '2025-04-12T10:02:00+09:00',
  endsAt: '2025-04-12T19:00:30+09:00',
  timeZone: 'Asia/Seoul',
  location: { name: 'Seongsu', latitude: 37.54, longitude: 127.05 },
  reminders: [60],
  banner: { pcImageUrl: 'https://cdn.example.com/pc.png', webUrl: 'https://example.com/e' },
  reminderButton: { title: '상세보기', webUrl: 'https://example.com/e' },
};

describe('toPublicEvent', () => {
  it('puts timed events on the 5-minute UTC grid and maps every field', () => {
    expect(toPublicEvent(timed)).toEqual({
      title: 'Spring Pop-up',
      time: {
        start_at: '2025-04-12T01:00:00Z',
        end_at: '2025-04-12T10:05:00Z',
        time_zone: 'Asia/Seoul',
        all_day: false,
      },
      location: { name: 'Seongsu', latitude: 37.54, longitude: 127.05 },
      reminders: [60],
      banner: {
        pc_image_url: 'https://cdn.example.com/pc.png',
        link: { web_url: 'https://example.com/e' },
      },
      notification_message: {
        before_event_reminder: {
          button: { title: '상세보기', link: { web_url: 'https://example.com/e' } },
        },
      },
    });
  });

  it('maps all-day dates to midnight UTC with an exclusive end', () => {
    const event = toPublicEvent({
      title: '어린이날',
      allDay: true,
      startDate: '2025-05-05',
      endDate: '2025-05-06',
      timeZone: 'Asia/Seoul',
      rrule: 'FREQ=YEARLY;',
    });
    expect(event.time).toEqual({
      start_at: '2025-05-05T00:00:00Z',
      end_at: '2025-05-07T00:00:00Z',
      time_zone: 'Asia/Seoul',
      all_day: true,
    });
    expect(event.rrule).toBe('FREQ=YEARLY');
  });
});

describe('diffWithKakao', () => {
  const published = toPublicEvent(timed);
  const kakaoCopy: EventDetail = {
    id: 'ev1',
    type: 'PUBLIC',
    calendar_id: 'public',
    is_host: true,
    title: published.title,
    time: published.time,
    location: published.location,
    reminders: published.reminders,
    banner: published.banner,
  };

  it('finds no difference in an identical copy', () => {
    expect(diffWithKakao(timed, kakaoCopy)).toEqual([]);
  });

  it('names each field that differs', () => {
    const changed = { ...kakaoCopy, title: 'Changed', reminders: [30], description: 'new' };
    expect(diffWithKakao(timed, changed).map((d) => d.field)).toEqual([
      'title',
      'description',
      'reminders',
    ]);
    expect(diffWithKakao(timed, changed)[0]).toEqual({
      field: 'title',
      ours: 'Spring Pop-up',
      kakao: 'Changed',
    });
  });
});
