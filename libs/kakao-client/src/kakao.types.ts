// Request and response models of Kakao's Talk Calendar, Talk Message, friends, channel, user and
// OAuth APIs, named and shaped as in shared/kakao-api.md section 6. Field names are Kakao's wire
// names (snake_case) so a model is exactly what travels; response fields that Kakao may omit are
// optional, and the client treats `null` as absent.

// ---------------------------------------------------------------------------------------------
// Shared objects (contract section 3)
// ---------------------------------------------------------------------------------------------

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

export type Color = (typeof KAKAO_COLORS)[number];

export type RecurUpdateType = 'THIS' | 'THIS_AND_FOLLOWING' | 'ALL';

export type EventType = 'USER' | 'PUBLIC' | 'SUBSCRIBE' | 'TEAM';

/** Start and end are UTC instants `YYYY-MM-DDTHH:mm:ssZ` on the 5-minute grid (see time-grid.ts). */
export interface KakaoTime {
  start_at: string;
  end_at: string;
  time_zone?: string;
  all_day?: boolean;
  lunar?: boolean;
}

export interface KakaoLocation {
  name?: string;
  location_id?: number;
  address?: string;
  latitude?: number;
  longitude?: number;
}

export interface Link {
  web_url?: string;
  mobile_web_url?: string;
  android_execution_params?: string;
  ios_execution_params?: string;
}

// ---------------------------------------------------------------------------------------------
// Calendars (4.1–4.4)
// ---------------------------------------------------------------------------------------------

export interface Calendar {
  id: string;
  name?: string;
  color?: Color;
  reminder?: number;
  reminder_all_day?: number;
}

export interface SubscribeCalendar extends Calendar {
  description?: string;
  profile_image_url?: string;
  thumbnail_url?: string;
}

export type CalendarFilter = 'USER' | 'SUBSCRIBE' | 'ALL';

export interface CalendarList {
  calendars: Calendar[];
  subscribe_calendars: SubscribeCalendar[];
}

export interface CalendarCreate {
  name: string;
  color?: Color;
  reminder?: number;
  reminder_all_day?: number;
}

export type CalendarUpdate = Partial<CalendarCreate>;

export interface CalendarIdResult {
  calendar_id: string;
}

// ---------------------------------------------------------------------------------------------
// Events (4.5–4.16)
// ---------------------------------------------------------------------------------------------

export interface EventCreate {
  title: string;
  time: KakaoTime;
  rrule?: string;
  description?: string;
  location?: KakaoLocation;
  reminders?: number[];
  color?: Color;
}

/** Update body: every field optional; fields left out keep their value. */
export type EventUpdate = Partial<EventCreate>;

/** A guest may only change personal settings of an invited event (4.10). */
export interface GuestEventUpdate {
  reminders?: number[];
  color?: Color;
  memo?: string;
}

export interface Banner {
  pc_image_url?: string;
  mobile_image_url?: string;
  bg_color?: string;
  link?: { web_url?: string; mobile_web_url?: string };
}

export interface ReminderButton {
  title: string;
  link: Link;
}

export interface NotificationMessage {
  before_event_reminder?: { button?: ReminderButton };
}

export interface PublicEventCreate extends EventCreate {
  banner?: Banner;
  notification_message?: NotificationMessage;
}

export type PublicEventUpdate = Partial<PublicEventCreate>;

export interface EventBrief {
  id: string;
  title: string;
  type: EventType;
  calendar_id: string;
  time: KakaoTime;
  is_host: boolean;
  is_recur_event?: boolean;
  color?: Color;
}

export interface EventDetail extends EventBrief {
  rrule?: string;
  dt_start?: string;
  description?: string;
  location?: KakaoLocation;
  reminders?: number[];
  memo?: string;
  banner?: Banner;
}

export type EventPreset = 'TODAY' | 'THIS_WEEK' | 'THIS_MONTH';

/**
 * Either a `preset` or a `from`/`to` window (at most 31 days). A `Date` is placed on the
 * 5-minute grid (from rounded down, to rounded up); a string is sent as given.
 */
export interface EventListQuery {
  calendar_id?: string;
  preset?: EventPreset;
  time_zone?: string;
  from?: Date | string;
  to?: Date | string;
  limit?: number;
}

export interface PublicEventListQuery {
  channel_public_id?: string;
  from: Date | string;
  to: Date | string;
  limit?: number;
}

/** One page of a list answer; `after_url` is present only when `has_next`. */
export interface EventPage {
  events: EventBrief[];
  has_next: boolean;
  after_url?: string;
}

export interface EventIdResult {
  event_id: string;
}

// ---------------------------------------------------------------------------------------------
// Holidays (4.20)
// ---------------------------------------------------------------------------------------------

export interface Holiday {
  title?: string;
  time: KakaoTime;
  holiday: boolean;
}

export interface HolidayQuery {
  from: Date | string;
  to: Date | string;
}

// ---------------------------------------------------------------------------------------------
// Tasks (4.21–4.26)
// ---------------------------------------------------------------------------------------------

export type TaskStatus = 'TODO' | 'COMPLETED';

export type TaskStatusFilter = TaskStatus | 'ALL';

export interface TaskDueInfo {
  /** `yyyyMMdd` */
  due_date?: string;
  time_zone?: string;
  /** `HHmm` on the 5-minute grid */
  alarm_time?: string;
}

/** Repetition of a task, turning it into a challenge whose history is the records API. */
export interface TaskRecur {
  /** RRULE value without the `RRULE:` prefix, as for events (3.5). */
  rrule: string;
}

export interface TaskCreate {
  content: string;
  due_info?: TaskDueInfo;
  recur?: TaskRecur;
}

export type TaskUpdate = Partial<TaskCreate>;

export interface Task {
  id: string;
  content?: string;
  due_info?: TaskDueInfo;
  recur?: TaskRecur;
  status?: TaskStatus;
}

export interface TaskListQuery {
  task_status?: TaskStatusFilter;
  limit?: number;
}

export interface TaskPage {
  tasks: Task[];
  has_next: boolean;
  after_url?: string;
}

export interface TaskRecord {
  /** `yyyyMMdd` */
  date: string;
  completed: boolean;
}

export interface TaskRecords {
  task_id: string;
  records: TaskRecord[];
}

export interface TaskIdResult {
  task_id: string;
}

// ---------------------------------------------------------------------------------------------
// Message templates (5.3, 5.4)
// ---------------------------------------------------------------------------------------------

export interface TemplateButton {
  title: string;
  link: Link;
}

export interface CalendarTemplateContent {
  title?: string;
  description?: string;
  image_url?: string;
  image_width?: number;
  image_height?: number;
  link: Link;
}

export interface CalendarTemplate {
  object_type: 'calendar';
  id_type: 'event' | 'calendar';
  id: string;
  content: CalendarTemplateContent;
  /** At most one custom button; Kakao adds its own fixed "add to calendar" button. */
  buttons?: [TemplateButton];
}

export interface TemplateContent {
  title?: string;
  description?: string;
  image_url?: string;
  image_width?: number;
  image_height?: number;
  link: Link;
}

export interface TemplateSocial {
  like_count?: number;
  comment_count?: number;
  shared_count?: number;
  view_count?: number;
  subscriber_count?: number;
}

export interface TemplateItem {
  item: string;
  item_op: string;
}

export interface TemplateItemContent {
  profile_text?: string;
  profile_image_url?: string;
  title_image_url?: string;
  title_image_text?: string;
  title_image_category?: string;
  items?: TemplateItem[];
  sum?: string;
  sum_op?: string;
}

export interface TemplateCommerce {
  regular_price: number;
  discount_price?: number;
  discount_rate?: number;
  fixed_discount_price?: number;
  product_name?: string;
  currency_unit?: string;
  currency_unit_position?: number;
}

export interface FeedTemplate {
  object_type: 'feed';
  content: TemplateContent;
  item_content?: TemplateItemContent;
  social?: TemplateSocial;
  button_title?: string;
  buttons?: TemplateButton[];
}

export interface ListTemplate {
  object_type: 'list';
  header_title: string;
  header_link?: Link;
  contents: TemplateContent[];
  button_title?: string;
  buttons?: TemplateButton[];
}

export interface LocationTemplate {
  object_type: 'location';
  content: TemplateContent;
  address: string;
  address_title?: string;
  social?: TemplateSocial;
  button_title?: string;
  buttons?: TemplateButton[];
}

export interface CommerceTemplate {
  object_type: 'commerce';
  content: TemplateContent;
  commerce: TemplateCommerce;
  button_title?: string;
  buttons?: TemplateButton[];
}

export interface TextTemplate {
  object_type: 'text';
  text: string;
  link: Link;
  button_title?: string;
  buttons?: TemplateButton[];
}

export type DefaultTemplate =
  | CalendarTemplate
  | FeedTemplate
  | ListTemplate
  | LocationTemplate
  | CommerceTemplate
  | TextTemplate;

export type TemplateObjectType = DefaultTemplate['object_type'];

// ---------------------------------------------------------------------------------------------
// Message results (5.1, 5.2)
// ---------------------------------------------------------------------------------------------

export interface SendToMeResult {
  result_code: number;
}

export interface MessageFailure {
  /** -502 not a friend, -530 refuses messages, -531/-532 sender quota, -533 recipient, -536 pair. */
  code: number;
  msg: string;
  receiver_uuids: string[];
}

export interface SendToFriendsResult {
  successful_receiver_uuids: string[];
  failure_info: MessageFailure[];
}

// ---------------------------------------------------------------------------------------------
// Friends (5.5) and channel relationship (5.6)
// ---------------------------------------------------------------------------------------------

export interface Friend {
  id: number;
  uuid: string;
  profile_nickname?: string;
  profile_thumbnail_image?: string;
  favorite?: boolean;
  allowed_msg?: boolean;
}

export type FriendOrder = 'favorite' | 'nickname' | 'age';

export interface FriendsQuery {
  offset?: number;
  limit?: number;
  order?: 'asc' | 'desc';
  friend_order?: FriendOrder;
}

export interface FriendsPage {
  elements: Friend[];
  total_count?: number;
  favorite_count?: number;
  before_url?: string;
  after_url?: string;
}

export type ChannelRelationStatus = 'ADDED' | 'BLOCKED' | 'NONE';

export interface ChannelRelation {
  channel_uuid?: string;
  channel_public_id: string;
  relation: ChannelRelationStatus;
  updated_at?: string;
}

export interface ChannelRelations {
  user_id?: number;
  channels: ChannelRelation[];
}

// ---------------------------------------------------------------------------------------------
// User and tokens (2.6, 2.7)
// ---------------------------------------------------------------------------------------------

export interface KakaoProfile {
  nickname?: string;
  thumbnail_image_url?: string;
  profile_image_url?: string;
  is_default_image?: boolean;
}

export interface KakaoAccount {
  profile?: KakaoProfile;
  [key: string]: unknown;
}

export interface KakaoUser {
  id: number;
  connected_at?: string;
  properties?: { nickname?: string; profile_image?: string; thumbnail_image?: string };
  kakao_account?: KakaoAccount;
}

export interface AccessTokenInfo {
  id: number;
  expires_in: number;
  app_id: number;
}

export interface UnlinkResult {
  id: number;
}

export interface OAuthToken {
  token_type: string;
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  /** Space-separated consent ids. */
  scope?: string;
  id_token?: string;
}

// ---------------------------------------------------------------------------------------------
// Errors (1.4, 2.5, 9.1)
// ---------------------------------------------------------------------------------------------

export interface KakaoError {
  code: number;
  msg: string;
  api_type?: string;
  required_scopes?: string[];
  allowed_scopes?: string[];
}

export interface KakaoOAuthError {
  error: string;
  error_description?: string;
  error_code?: string;
}
