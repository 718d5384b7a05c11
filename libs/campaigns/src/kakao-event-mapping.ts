import {
  allDayEventTime,
  type EventDetail,
  type KakaoTime,
  type PublicEventCreate,
  timedEventTime,
} from '@app/kakao-client';

import { type CampaignContent } from './campaign-content';

/** The `time` object Kakao gets; the grid conversion itself lives in the client's time-grid. */
export function kakaoTimeOf(content: CampaignContent): KakaoTime {
  if (content.allDay) {
    return allDayEventTime({
      first: content.startDate!,
      last: content.endDate,
      timeZone: content.timeZone,
      lunar: content.lunar,
    });
  }
  return timedEventTime({
    start: new Date(content.startsAt!),
    end: new Date(content.endsAt!),
    timeZone: content.timeZone,
  });
}

/** Copies an object without its undefined members; undefined when nothing is left. */
function defined<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, member]) => member !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

/** Our draft content as the public event body Kakao takes (contract 3.8, 3.11). */
export function toPublicEvent(content: CampaignContent): PublicEventCreate {
  const event: PublicEventCreate = { title: content.title, time: kakaoTimeOf(content) };
  if (content.description) {
    event.description = content.description;
  }
  if (content.rrule) {
    event.rrule = content.rrule.trim().replace(/;$/, '');
  }
  if (content.location) {
    const { name, address, latitude, longitude, locationId } = content.location;
    event.location = defined({ name, address, latitude, longitude, location_id: locationId });
  }
  if (content.reminders) {
    event.reminders = [...content.reminders];
  }
  if (content.color) {
    event.color = content.color;
  }
  if (content.banner) {
    const { pcImageUrl, mobileImageUrl, bgColor, webUrl, mobileWebUrl } = content.banner;
    event.banner = defined({
      pc_image_url: pcImageUrl,
      mobile_image_url: mobileImageUrl,
      bg_color: bgColor,
      link: defined({ web_url: webUrl, mobile_web_url: mobileWebUrl }),
    });
  }
  if (content.reminderButton) {
    const { title, webUrl, mobileWebUrl } = content.reminderButton;
    event.notification_message = {
      before_event_reminder: {
        button: { title, link: defined({ web_url: webUrl, mobile_web_url: mobileWebUrl }) ?? {} },
      },
    };
  }
  return event;
}

/** One field where Kakao's copy differs from the revision we published. */
export interface KakaoDifference {
  field: string;
  ours: unknown;
  kakao: unknown;
}

/** Drops undefined members and sorts keys, so equal data compares equal however it was written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined && member !== null)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, member]) => [key, canonical(member)]);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Compares what we published with Kakao's detail of the event, field by field, as Kakao shows
 * them. Fields Kakao does not echo (the reminder button) are not compared.
 */
export function diffWithKakao(content: CampaignContent, kakao: EventDetail): KakaoDifference[] {
  const ours = toPublicEvent(content);
  const time = (t: KakaoTime | undefined) => ({
    start_at: t?.start_at,
    end_at: t?.end_at,
    all_day: t?.all_day ?? false,
    time_zone: t?.time_zone ?? 'Asia/Seoul',
  });
  const pairs: [string, unknown, unknown][] = [
    ['title', ours.title, kakao.title],
    ['time', time(ours.time), time(kakao.time)],
    ['rrule', ours.rrule, kakao.rrule?.replace(/;$/, '')],
    ['description', ours.description, kakao.description],
    ['location', ours.location, kakao.location],
    ['reminders', ours.reminders ?? [], kakao.reminders ?? []],
    ['color', ours.color, kakao.color],
    ['banner', ours.banner, kakao.banner],
  ];
  return pairs
    .filter(([, a, b]) => !same(a, b))
    .map(([field, a, b]) => ({ field, ours: canonical(a) ?? null, kakao: canonical(b) ?? null }));
}
