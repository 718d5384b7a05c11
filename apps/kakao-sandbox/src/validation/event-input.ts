import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { firstStart } from '@app/kakao-sandbox/recurrence/occurrences';
import { hasByParts, type RecurrenceRule } from '@app/kakao-sandbox/recurrence/recurrence-rule';
import type {
  Banner,
  GuestSettings,
  KakaoLocation,
  NotificationMessage,
  TimeSpec,
} from '@app/kakao-sandbox/state/models';
import { type Color, parseColor } from '@app/kakao-sandbox/validation/color';
import {
  asObject,
  hasKey,
  type JsonObject,
  optionalObject,
  optionalString,
  rejectUnknownKeys,
  requiredString,
} from '@app/kakao-sandbox/validation/json-reader';
import { parseLink } from '@app/kakao-sandbox/validation/link';
import { parseLocation } from '@app/kakao-sandbox/validation/location';
import { checkReminderRange, parseReminderList } from '@app/kakao-sandbox/validation/reminders';
import { parseRecurrenceRule } from '@app/kakao-sandbox/validation/rrule';
import { parseTime } from '@app/kakao-sandbox/validation/time';

export const TITLE_MAX = 50;
export const DESCRIPTION_MAX = 5000;
const PATH = 'event';

/** Every field of EventCreate (3.8) plus the public extras (3.11); all optional in a patch. */
export interface EventPatch {
  title?: string;
  time?: TimeSpec;
  /** `null` removes the recurrence (an empty `rrule` string in the request). */
  rrule?: RecurrenceRule | null;
  description?: string;
  location?: KakaoLocation;
  reminders?: number[];
  color?: Color;
  banner?: Banner;
  notificationMessage?: NotificationMessage;
}

export interface EventCreateInput extends EventPatch {
  title: string;
  time: TimeSpec;
  rrule?: RecurrenceRule;
}

export interface EventInputOptions {
  /** Public events accept `banner` and `notification_message`. */
  publicExtras: boolean;
}

function parseBanner(raw: unknown): Banner {
  const path = `${PATH}.banner`;
  const object = asObject(raw, path);
  const banner: Banner = {};
  for (const key of ['pc_image_url', 'mobile_image_url', 'bg_color'] as const) {
    const value = optionalString(object, key, path, { max: 2000 });
    if (value !== undefined) {
      banner[key] = value;
    }
  }
  const link = optionalObject(object, 'link', path);
  if (link !== undefined) {
    const webUrl = optionalString(link, 'web_url', `${path}.link`, { max: 2000 });
    const mobileWebUrl = optionalString(link, 'mobile_web_url', `${path}.link`, { max: 2000 });
    banner.link = {};
    if (webUrl !== undefined) {
      banner.link.web_url = webUrl;
    }
    if (mobileWebUrl !== undefined) {
      banner.link.mobile_web_url = mobileWebUrl;
    }
  }
  return banner;
}

function parseNotificationMessage(raw: unknown): NotificationMessage {
  const path = `${PATH}.notification_message`;
  const object = asObject(raw, path);
  const reminder = optionalObject(object, 'before_event_reminder', path);
  if (reminder === undefined) {
    return {};
  }
  const buttonRaw = optionalObject(reminder, 'button', `${path}.before_event_reminder`);
  if (buttonRaw === undefined) {
    return { before_event_reminder: {} };
  }
  const buttonPath = `${path}.before_event_reminder.button`;
  return {
    before_event_reminder: {
      button: {
        title: requiredString(buttonRaw, 'title', buttonPath, { min: 1, max: 100 }),
        link: parseLink(buttonRaw.link, `${buttonPath}.link`),
      },
    },
  };
}

function parseFields(object: JsonObject, options: EventInputOptions): EventPatch {
  const patch: EventPatch = {};
  const title = optionalString(object, 'title', PATH, { min: 1, max: TITLE_MAX });
  if (title !== undefined) {
    if (title.trim() === '') {
      throw invalidParam(`${PATH}.title must not be blank`);
    }
    patch.title = title;
  }
  if (hasKey(object, 'time')) {
    patch.time = parseTime(object.time, `${PATH}.time`);
  }
  const rrule = optionalString(object, 'rrule', PATH);
  if (rrule !== undefined) {
    patch.rrule = rrule === '' ? null : parseRecurrenceRule(rrule);
  }
  const description = optionalString(object, 'description', PATH, { max: DESCRIPTION_MAX });
  if (description !== undefined) {
    patch.description = description;
  }
  if (hasKey(object, 'location')) {
    patch.location = parseLocation(object.location, `${PATH}.location`);
  }
  if (hasKey(object, 'reminders')) {
    patch.reminders = parseReminderList(object.reminders, `${PATH}.reminders`);
  }
  if (hasKey(object, 'color')) {
    patch.color = parseColor(object.color, `${PATH}.color`);
  }
  if (options.publicExtras) {
    if (hasKey(object, 'banner')) {
      patch.banner = parseBanner(object.banner);
    }
    if (hasKey(object, 'notification_message')) {
      patch.notificationMessage = parseNotificationMessage(object.notification_message);
    }
  }
  return patch;
}

/** The rules that tie fields together, checked on the event as it will be stored. */
export function checkEventConsistency(
  time: TimeSpec,
  rrule: RecurrenceRule | undefined,
  reminders: readonly number[] | undefined,
): void {
  if (reminders !== undefined) {
    checkReminderRange(reminders, time.allDay, `${PATH}.reminders`);
  }
  if (rrule === undefined) {
    return;
  }
  if (time.lunar && (rrule.freq !== 'YEARLY' || hasByParts(rrule))) {
    throw invalidParam(`${PATH}.rrule: a lunar event repeats only with FREQ=YEARLY (no BY* parts)`);
  }
  if (firstStart({ time, rule: rrule }) === undefined) {
    throw invalidParam(`${PATH}.rrule yields no occurrence from start_at`);
  }
}

/** EventCreate of 4.5 / 4.11: `title` and `time` required. */
export function parseEventCreate(raw: unknown, options: EventInputOptions): EventCreateInput {
  const object = asObject(raw, PATH);
  const patch = parseFields(object, options);
  if (patch.title === undefined) {
    throw invalidParam(`${PATH}.title is required`);
  }
  if (patch.time === undefined) {
    throw invalidParam(`${PATH}.time is required`);
  }
  const rrule = patch.rrule ?? undefined;
  checkEventConsistency(patch.time, rrule, patch.reminders);
  return { ...patch, title: patch.title, time: patch.time, rrule };
}

/** A partial EventCreate of 4.8 / 4.14; at least one field. */
export function parseEventPatch(raw: unknown, options: EventInputOptions): EventPatch {
  const object = asObject(raw, PATH);
  const patch = parseFields(object, options);
  if (Object.keys(patch).length === 0) {
    throw invalidParam(`${PATH} holds no field to change`);
  }
  return patch;
}

/** What a guest may change (4.10): only `reminders`, `color` and `memo`. */
export function parseGuestPatch(raw: unknown, allDay: boolean): GuestSettings {
  const object = asObject(raw, PATH);
  rejectUnknownKeys(object, ['reminders', 'color', 'memo'], PATH);
  const settings: GuestSettings = {};
  if (hasKey(object, 'reminders')) {
    settings.reminders = parseReminderList(object.reminders, `${PATH}.reminders`);
    checkReminderRange(settings.reminders, allDay, `${PATH}.reminders`);
  }
  if (hasKey(object, 'color')) {
    settings.color = parseColor(object.color, `${PATH}.color`);
  }
  const memo = optionalString(object, 'memo', PATH, { max: DESCRIPTION_MAX });
  if (memo !== undefined) {
    settings.memo = memo;
  }
  if (Object.keys(settings).length === 0) {
    throw invalidParam(`${PATH} holds no field to change`);
  }
  return settings;
}
