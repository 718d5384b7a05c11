// Campaign records as the API answers them (libs/campaigns/src/campaign.response.ts).

export const KAKAO_COLORS = [
  'BLUE',
  'ROYAL_BLUE',
  'NAVY_BLUE',
  'RED',
  'PINK',
  'ORANGE',
  'GREEN',
  'LIME',
  'OLIVE',
  'MINT',
  'MAGENTA',
  'VIOLET',
  'LAVENDER',
  'BROWN',
  'GRAY',
] as const;
export type KakaoColor = (typeof KAKAO_COLORS)[number];

/** Swatches close to Talk Calendar's own colours. */
export const KAKAO_COLOR_HEX: Readonly<Record<KakaoColor, string>> = {
  BLUE: '#3d9bff',
  ROYAL_BLUE: '#3f6bf5',
  NAVY_BLUE: '#26397f',
  RED: '#f1463f',
  PINK: '#ff7aa5',
  ORANGE: '#ff8f1f',
  GREEN: '#2fb45a',
  LIME: '#9fd23b',
  OLIVE: '#8a8f2c',
  MINT: '#3fd0b9',
  MAGENTA: '#d13fc8',
  VIOLET: '#8a5cf5',
  LAVENDER: '#b7a4f5',
  BROWN: '#9c6b43',
  GRAY: '#8e8e93',
};

export const SYNC_STATES = [
  'draft',
  'publishing',
  'published',
  'changed_since_publish',
  'unpublishing',
  'failed',
] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const APPROVAL_STATES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const KAKAO_STATES = ['unknown', 'in_sync', 'drifted', 'missing'] as const;
export type KakaoState = (typeof KAKAO_STATES)[number];

export type CampaignTarget =
  { kind: 'public_events' } | { kind: 'subscribe_calendar'; calendarId: string };

export interface CampaignLocation {
  name: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  locationId?: number;
}

export interface CampaignBanner {
  pcImageUrl?: string;
  mobileImageUrl?: string;
  bgColor?: string;
  webUrl?: string;
  mobileWebUrl?: string;
}

export interface CampaignReminderButton {
  title: string;
  webUrl?: string;
  mobileWebUrl?: string;
}

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
  rrule?: string;
  location?: CampaignLocation;
  reminders?: number[];
  color?: KakaoColor;
  banner?: CampaignBanner;
  reminderButton?: CampaignReminderButton;
}

export interface Campaign {
  id: string;
  channelId: string;
  name: string;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  tags: string[];
  notes: string | null;
  target: CampaignTarget;
  content: CampaignContent;
  recurrenceText: string | null;
  ownerId: string | null;
  revision: number;
  version: number;
  approvalState: ApprovalState;
  submittedRevision: number | null;
  approvedRevision: number | null;
  syncState: SyncState;
  kakaoState: KakaoState;
  kakaoEventId: string | null;
  publishedRevision: number | null;
  publishedAt: string | null;
  lastError: { code: string; message: string } | null;
  kakaoCheckedAt: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a save sends: `POST` without `version`, `PUT` with it (campaign.dto.ts). */
export interface CampaignWrite {
  name: string;
  tags: string[];
  notes?: string;
  target: CampaignTarget;
  content: CampaignContent;
}

export interface CampaignUpdate extends CampaignWrite {
  version: number;
}

export interface CampaignRevision {
  id: string;
  revision: number;
  reason: string;
  authorId: string | null;
  createdAt: string;
  snapshot: CampaignWrite;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ApprovalEntry {
  id: string;
  revision: number;
  decision: 'submitted' | 'approved' | 'rejected' | 'imported';
  actorId: string | null;
  comment: string | null;
  createdAt: string;
}

export interface KakaoDifference {
  field: string;
  ours: unknown;
  kakao: unknown;
}

/** `GET /campaigns/:id/kakao`: our published revision as Kakao fields next to Kakao's copy. */
export interface KakaoCopy {
  eventId: string | null;
  publishedRevision: number | null;
  ours: Record<string, unknown> | null;
  kakao: Record<string, unknown> | null;
  kakaoState: KakaoState;
  differences: KakaoDifference[];
  checkedAt: string;
}

export interface Holiday {
  title?: string;
  time: { start_at: string; end_at: string; all_day?: boolean; time_zone?: string };
  holiday: boolean;
}
