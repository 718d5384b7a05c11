import { type Campaign, type KakaoColor } from '@admin/campaigns/types';

/** `GET /api/subscribe-calendars` rows; `GET /:id` adds the campaigns that target it. */
export interface SubscribeCalendar {
  id: string;
  kakaoCalendarId: string;
  name: string;
  color: KakaoColor | null;
  description: string | null;
  profileImageUrl: string | null;
  thumbnailUrl: string | null;
  reminder: number | null;
  reminderAllDay: number | null;
  syncedAt: string;
  removed: boolean;
  campaigns?: Campaign[];
}
