import { type Color } from '@app/kakao-client';

/** Where a campaign's public event shows up: the channel's public events, or one of its subscribe calendars. */
export type CampaignTarget =
  { kind: 'public_events' } | { kind: 'subscribe_calendar'; calendarId: string };

export interface CampaignLocation {
  name: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  /** Kakao Map place id. */
  locationId?: number;
}

export interface CampaignBanner {
  pcImageUrl?: string;
  mobileImageUrl?: string;
  /** `#RRGGBB`, shown where the image does not cover the area. */
  bgColor?: string;
  webUrl?: string;
  mobileWebUrl?: string;
}

/** The button of the reminder message Kakao sends before the event. */
export interface CampaignReminderButton {
  title: string;
  webUrl?: string;
  mobileWebUrl?: string;
}

/**
 * Everything a public event needs, in our own words. Timed events carry instants
 * (`startsAt`/`endsAt`, ISO-8601); all-day events carry local dates (`startDate`/`endDate`,
 * `YYYY-MM-DD`, last day inclusive). Both are shown in `timeZone`.
 */
export interface CampaignContent {
  title: string;
  description?: string;
  allDay: boolean;
  startsAt?: string;
  endsAt?: string;
  startDate?: string;
  endDate?: string;
  timeZone: string;
  lunar?: boolean;
  /** RFC 5545 RRULE value without the `RRULE:` prefix. */
  rrule?: string;
  location?: CampaignLocation;
  /** Minutes before the start (all-day: negative = after local midnight). At most two. */
  reminders?: number[];
  color?: Color;
  banner?: CampaignBanner;
  reminderButton?: CampaignReminderButton;
}

/** Our own fields around the content. */
export interface CampaignMeta {
  name: string;
  tags: string[];
  notes?: string;
  target: CampaignTarget;
}

/** What one revision stores: the whole draft as it was saved. */
export interface CampaignSnapshot extends CampaignMeta {
  content: CampaignContent;
}

/** The content fields in a stable order, for diffs and comparisons with Kakao's copy. */
export const CONTENT_FIELDS: readonly (keyof CampaignContent)[] = [
  'title',
  'description',
  'allDay',
  'startsAt',
  'endsAt',
  'startDate',
  'endDate',
  'timeZone',
  'lunar',
  'rrule',
  'location',
  'reminders',
  'color',
  'banner',
  'reminderButton',
];
