// The exact fields the client sends for each nested request object (contract sections 3, 5.3
// and 6). Each constant is checked by the compiler against its model.

import {
  type Banner,
  type CalendarTemplate,
  type CommerceTemplate,
  type EventCreate,
  type FeedTemplate,
  type GuestEventUpdate,
  type KakaoLocation,
  type KakaoTime,
  type Link,
  type ListTemplate,
  type LocationTemplate,
  type NotificationMessage,
  type PublicEventCreate,
  type TaskCreate,
  type TemplateButton,
  type TemplateContent,
  type TemplateSocial,
  type TextTemplate,
} from './kakao.types';
import { type ShapeOf } from './wire-shape';

const LINK: ShapeOf<Link> = {
  web_url: true,
  mobile_web_url: true,
  android_execution_params: true,
  ios_execution_params: true,
};

const TIME: ShapeOf<KakaoTime> = {
  start_at: true,
  end_at: true,
  time_zone: true,
  all_day: true,
  lunar: true,
};

const LOCATION: ShapeOf<KakaoLocation> = {
  name: true,
  location_id: true,
  address: true,
  latitude: true,
  longitude: true,
};

export const EVENT_SHAPE: ShapeOf<EventCreate> = {
  title: true,
  time: TIME,
  rrule: true,
  description: true,
  location: LOCATION,
  reminders: true,
  color: true,
};

const BANNER: ShapeOf<Banner> = {
  pc_image_url: true,
  mobile_image_url: true,
  bg_color: true,
  link: { web_url: true, mobile_web_url: true },
};

const NOTIFICATION_MESSAGE: ShapeOf<NotificationMessage> = {
  before_event_reminder: { button: { title: true, link: LINK } },
};

export const PUBLIC_EVENT_SHAPE: ShapeOf<PublicEventCreate> = {
  ...EVENT_SHAPE,
  banner: BANNER,
  notification_message: NOTIFICATION_MESSAGE,
};

export const GUEST_EVENT_SHAPE: ShapeOf<GuestEventUpdate> = {
  reminders: true,
  color: true,
  memo: true,
};

export const TASK_SHAPE: ShapeOf<TaskCreate> = {
  content: true,
  due_info: { due_date: true, time_zone: true, alarm_time: true },
  recur: { rrule: true },
};

const BUTTON: ShapeOf<TemplateButton> = { title: true, link: LINK };

const CONTENT: ShapeOf<TemplateContent> = {
  title: true,
  description: true,
  image_url: true,
  image_width: true,
  image_height: true,
  link: LINK,
};

const SOCIAL: ShapeOf<TemplateSocial> = {
  like_count: true,
  comment_count: true,
  shared_count: true,
  view_count: true,
  subscriber_count: true,
};

const CALENDAR_TEMPLATE: ShapeOf<CalendarTemplate> = {
  object_type: true,
  id_type: true,
  id: true,
  content: CONTENT,
  buttons: [BUTTON],
};

const FEED_TEMPLATE: ShapeOf<FeedTemplate> = {
  object_type: true,
  content: CONTENT,
  item_content: {
    profile_text: true,
    profile_image_url: true,
    title_image_url: true,
    title_image_text: true,
    title_image_category: true,
    items: [{ item: true, item_op: true }],
    sum: true,
    sum_op: true,
  },
  social: SOCIAL,
  button_title: true,
  buttons: [BUTTON],
};

const LIST_TEMPLATE: ShapeOf<ListTemplate> = {
  object_type: true,
  header_title: true,
  header_link: LINK,
  contents: [CONTENT],
  button_title: true,
  buttons: [BUTTON],
};

const LOCATION_TEMPLATE: ShapeOf<LocationTemplate> = {
  object_type: true,
  content: CONTENT,
  address: true,
  address_title: true,
  social: SOCIAL,
  button_title: true,
  buttons: [BUTTON],
};

const COMMERCE_TEMPLATE: ShapeOf<CommerceTemplate> = {
  object_type: true,
  content: CONTENT,
  commerce: {
    regular_price: true,
    discount_price: true,
    discount_rate: true,
    fixed_discount_price: true,
    product_name: true,
    currency_unit: true,
    currency_unit_position: true,
  },
  button_title: true,
  buttons: [BUTTON],
};

const TEXT_TEMPLATE: ShapeOf<TextTemplate> = {
  object_type: true,
  text: true,
  link: LINK,
  button_title: true,
  buttons: [BUTTON],
};

/** The shape of each default template, by `object_type`. */
export const TEMPLATE_SHAPES = {
  calendar: CALENDAR_TEMPLATE,
  feed: FEED_TEMPLATE,
  list: LIST_TEMPLATE,
  location: LOCATION_TEMPLATE,
  commerce: COMMERCE_TEMPLATE,
  text: TEXT_TEMPLATE,
} as const;
