import type { LoginConsentItem, Scope } from '@app/kakao-sandbox/auth/scopes';
import type { QuotaLimits } from '@app/kakao-sandbox/quota/quota-limits';
import type { RecurrenceRule } from '@app/kakao-sandbox/recurrence/recurrence-rule';
import type { Color } from '@app/kakao-sandbox/validation/color';

/** Wire-shaped objects are stored as they are answered, so reads need no mapping. */
export interface KakaoLocation {
  name: string;
  location_id?: number;
  address?: string;
  latitude?: number;
  longitude?: number;
}

export interface KakaoLink {
  web_url?: string;
  mobile_web_url?: string;
  android_execution_params?: string;
  ios_execution_params?: string;
}

export interface Banner {
  pc_image_url?: string;
  mobile_image_url?: string;
  bg_color?: string;
  link?: { web_url?: string; mobile_web_url?: string };
}

export interface NotificationMessage {
  before_event_reminder?: { button?: { title: string; link: KakaoLink } };
}

/** Instants in epoch ms; `timeZone` only says how Talk Calendar shows them. */
export interface TimeSpec {
  startMs: number;
  endMs: number;
  timeZone: string;
  allDay: boolean;
  lunar: boolean;
}

export interface AppRecord {
  id: number;
  name: string;
  restApiKey: string;
  adminKey: string;
  clientSecret: string;
  requireClientSecret: boolean;
  calendarPermission: boolean;
  messagePermission: boolean;
  channelPublicIds: string[];
  subscribeCalendarIds: string[];
  redirectUris: string[];
  /** Kakao Login consent items the app enabled; absent in state saved before they existed. */
  loginConsentItems?: LoginConsentItem[];
  quotas: QuotaLimits;
  userIds: number[];
  createdAt: number;
}

export interface ChannelRecord {
  publicId: string;
  uuid: string;
  name: string;
  appId: number;
  sanctioned: boolean;
  /** Public events owned by the channel. */
  eventIds: Set<string>;
  createdAt: number;
}

export type ChannelRelation = 'ADDED' | 'BLOCKED' | 'NONE';

export interface UserRecord {
  id: number;
  appId: number;
  uuid: string;
  nickname: string;
  /** Consent items the user agreed to; replaced, never mutated, so tokens can share it. */
  scopes: readonly Scope[];
  talkUser: boolean;
  teamMember: boolean;
  allowMessages: boolean;
  linked: boolean;
  connectedAt: number;
}

export interface ChannelRelationRecord {
  relation: ChannelRelation;
  updatedAt: number;
}

export interface AccessTokenRecord {
  token: string;
  userId: number;
  appId: number;
  scopes: readonly Scope[];
  expiresAt: number;
}

export interface RefreshTokenRecord {
  token: string;
  userId: number;
  appId: number;
  scopes: readonly Scope[];
  expiresAt: number;
}

export interface AuthCodeRecord {
  code: string;
  appId: number;
  userId: number;
  redirectUri: string;
  scopes: readonly Scope[];
  expiresAt: number;
  /** OIDC `nonce` of the authorize request, echoed in the ID token. */
  nonce?: string;
  /** PKCE: the challenge of the authorize request, checked against `code_verifier`. */
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** When the user agreed (ms), the ID token's `auth_time`. */
  authTime?: number;
  /** Whether this authorize request asked for `openid` (only then is an ID token issued). */
  openid?: boolean;
}

export interface CalendarSettings {
  name: string;
  color?: Color;
  reminder?: number;
  reminderAllDay?: number;
}

export interface SubCalendarRecord extends CalendarSettings {
  id: string;
  /** App that created it; another service's calendars answer with `id` only. */
  appId: number;
  createdAt: number;
}

/** Talk Calendar data of one user, created on first use (bulk users cost nothing until used). */
export interface UserCalendarData {
  primary: CalendarSettings;
  subCalendars: Map<string, SubCalendarRecord>;
  hostedEventIds: Set<string>;
  guestEventIds: Set<string>;
  followedEventIds: Set<string>;
  subscribedCalendarIds: Set<string>;
  taskIds: string[];
}

export interface SubscribeCalendarRecord {
  id: string;
  appId: number;
  channelPublicId: string;
  name: string;
  color?: Color;
  reminder?: number;
  reminderAllDay?: number;
  description?: string;
  profileImageUrl?: string;
  thumbnailUrl?: string;
  /** user id → subscribed-at */
  subscribers: Map<number, number>;
  eventIds: Set<string>;
}

export type EventKind = 'USER' | 'PUBLIC' | 'SUBSCRIBE';

export interface GuestSettings {
  reminders?: number[];
  color?: Color;
  memo?: string;
}

export interface GuestRecord extends GuestSettings {
  /** occurrence start → settings changed with `recur_update_type=THIS` */
  overrides: Map<number, GuestSettings>;
}

export interface EventRecord {
  id: string;
  kind: EventKind;
  appId: number;
  /** Host of a USER event. */
  ownerUserId?: number;
  /** USER: `primary` or a sub-calendar id; PUBLIC: the channel id; SUBSCRIBE: the calendar id. */
  calendarId: string;
  channelPublicId?: string;
  title: string;
  time: TimeSpec;
  rrule?: RecurrenceRule;
  /** Occurrence starts removed from the series (deleted or replaced by an exception). */
  exdates: number[];
  /** Set on an exception occurrence created by a THIS edit. */
  seriesId?: string;
  originalStartMs?: number;
  exceptionIds: string[];
  description?: string;
  location?: KakaoLocation;
  reminders?: number[];
  color?: Color;
  banner?: Banner;
  notificationMessage?: NotificationMessage;
  guests: Map<number, GuestRecord>;
  /** PUBLIC: user id → followed-at */
  followers: Map<number, number>;
  createdAt: number;
  updatedAt: number;
}

export type TaskStatus = 'TODO' | 'COMPLETED';

export interface TaskDueInfo {
  due_date: string;
  time_zone: string;
  alarm_time?: string;
}

export interface TaskRecur {
  rrule: string;
}

export interface TaskRecord {
  id: string;
  userId: number;
  appId: number;
  content: string;
  dueInfo?: TaskDueInfo;
  recur?: TaskRecur;
  status: TaskStatus;
  /** yyyyMMdd → completed that day (challenge records of a repeating task) */
  records: Map<string, boolean>;
  createdAt: number;
  updatedAt: number;
}
