import {
  DEFAULT_LOGIN_CONSENT_ITEMS,
  isLoginConsentItem,
  isScope,
  LOGIN_CONSENT_ITEMS,
  type LoginConsentItem,
  type Scope,
} from '@app/kakao-sandbox/auth/scopes';
import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { QuotaLimits } from '@app/kakao-sandbox/quota/quota-limits';
import type { ChannelRelation } from '@app/kakao-sandbox/state/models';
import { type Color, parseColor } from '@app/kakao-sandbox/validation/color';
import {
  asObject,
  type JsonObject,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredString,
} from '@app/kakao-sandbox/validation/json-reader';
import { checkReminder } from '@app/kakao-sandbox/validation/reminders';

const BODY = 'body';

export interface ChannelInput {
  publicId?: string;
  name?: string;
  sanctioned: boolean;
}

export interface SubscribeCalendarInput {
  name: string;
  channelPublicId?: string;
  color?: Color;
  reminder?: number;
  reminderAllDay?: number;
  description?: string;
  profileImageUrl?: string;
  thumbnailUrl?: string;
  events: unknown[];
}

export interface AppInput {
  name?: string;
  channels: ChannelInput[];
  subscribeCalendars: SubscribeCalendarInput[];
  calendarPermission: boolean;
  messagePermission: boolean;
  quotas: Partial<QuotaLimits>;
  redirectUris: string[];
  requireClientSecret: boolean;
  loginConsentItems: LoginConsentItem[];
}

/** `consent_items`: the Kakao Login consent items the app enables (2.3). */
function parseLoginConsentItems(object: JsonObject): LoginConsentItem[] {
  const raw = object.consent_items;
  if (raw === undefined || raw === null) {
    return [...DEFAULT_LOGIN_CONSENT_ITEMS];
  }
  if (
    !Array.isArray(raw) ||
    !raw.every(
      (item): item is LoginConsentItem => typeof item === 'string' && isLoginConsentItem(item),
    )
  ) {
    throw invalidParam(
      `${BODY}.consent_items must list items among ${LOGIN_CONSENT_ITEMS.join(', ')}`,
    );
  }
  return [...new Set(raw)];
}

function array(object: JsonObject, key: string): unknown[] {
  const value = object[key];
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw invalidParam(`${BODY}.${key} must be an array`);
  }
  return value;
}

function nonNegative(object: JsonObject, key: string, path: string): number | undefined {
  const value = optionalInteger(object, key, path);
  if (value !== undefined && value < 0) {
    throw invalidParam(`${path}.${key} must not be negative`);
  }
  return value;
}

export function parseScopes(object: JsonObject, path: string): Scope[] | undefined {
  const raw = object.scopes;
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (
    !Array.isArray(raw) ||
    !raw.every((item): item is Scope => typeof item === 'string' && isScope(item))
  ) {
    throw invalidParam(
      `${path}.scopes must list consent items among talk_calendar, talk_calendar_task, talk_message, friends, plusfriends, ${LOGIN_CONSENT_ITEMS.join(', ')}`,
    );
  }
  return [...new Set(raw)];
}

function parseChannel(raw: unknown, index: number): ChannelInput {
  const path = `${BODY}.channels[${index}]`;
  const object = asObject(raw, path);
  const publicId = optionalString(object, 'public_id', path, { min: 2, max: 40 });
  if (publicId !== undefined && !/^_[A-Za-z0-9]+$/.test(publicId)) {
    throw invalidParam(`${path}.public_id must look like _ZBlkG`);
  }
  return {
    publicId,
    name: optionalString(object, 'name', path, { max: 100 }),
    sanctioned: optionalBoolean(object, 'sanctioned', path) ?? false,
  };
}

function parseSubscribeCalendar(raw: unknown, index: number): SubscribeCalendarInput {
  const path = `${BODY}.subscribe_calendars[${index}]`;
  const object = asObject(raw, path);
  const color = object.color;
  const reminder = optionalInteger(object, 'reminder', path);
  const reminderAllDay = optionalInteger(object, 'reminder_all_day', path);
  return {
    name: requiredString(object, 'name', path, { min: 1, max: 50 }),
    channelPublicId: optionalString(object, 'channel_public_id', path),
    color: color === undefined || color === null ? undefined : parseColor(color, `${path}.color`),
    reminder:
      reminder === undefined ? undefined : checkReminder(reminder, false, `${path}.reminder`),
    reminderAllDay:
      reminderAllDay === undefined
        ? undefined
        : checkReminder(reminderAllDay, true, `${path}.reminder_all_day`),
    description: optionalString(object, 'description', path, { max: 500 }),
    profileImageUrl: optionalString(object, 'profile_image_url', path, { max: 2000 }),
    thumbnailUrl: optionalString(object, 'thumbnail_url', path, { max: 2000 }),
    events: array(object, 'events'),
  };
}

function parseQuotas(object: JsonObject): Partial<QuotaLimits> {
  const raw = optionalObject(object, 'quotas', BODY);
  if (raw === undefined) {
    return {};
  }
  const path = `${BODY}.quotas`;
  const quotas: Partial<QuotaLimits> = {};
  const keys: [keyof QuotaLimits, string][] = [
    ['talkCalendarDaily', 'talk_calendar_daily'],
    ['talkMessageDaily', 'talk_message_daily'],
    ['senderDaily', 'sender_daily'],
    ['recipientDaily', 'recipient_daily'],
    ['pairDaily', 'pair_daily'],
  ];
  for (const [field, key] of keys) {
    const value = nonNegative(raw, key, path);
    if (value !== undefined) {
      quotas[field] = value;
    }
  }
  return quotas;
}

/** Body of `POST /__sandbox/apps`. */
export function parseAppInput(raw: unknown): AppInput {
  const object = asObject(raw ?? {}, BODY);
  const permissions = optionalObject(object, 'permissions', BODY) ?? {};
  const redirectUris = array(object, 'redirect_uris').map((uri, index) => {
    if (typeof uri !== 'string' || !URL.canParse(uri)) {
      throw invalidParam(`${BODY}.redirect_uris[${index}] must be an absolute URI`);
    }
    return uri;
  });
  return {
    name: optionalString(object, 'name', BODY, { min: 1, max: 100 }),
    channels: array(object, 'channels').map(parseChannel),
    subscribeCalendars: array(object, 'subscribe_calendars').map(parseSubscribeCalendar),
    calendarPermission: optionalBoolean(permissions, 'calendar', `${BODY}.permissions`) ?? true,
    messagePermission: optionalBoolean(permissions, 'message', `${BODY}.permissions`) ?? true,
    quotas: parseQuotas(object),
    redirectUris,
    requireClientSecret: optionalBoolean(object, 'require_client_secret', BODY) ?? false,
    loginConsentItems: parseLoginConsentItems(object),
  };
}

export interface UserInput {
  nickname?: string;
  scopes?: Scope[];
  talkUser?: boolean;
  teamMember?: boolean;
  allowMessages?: boolean;
  otherServiceCalendars?: number;
}

/** Body of `POST /__sandbox/apps/{app_id}/users`. */
export function parseUserInput(raw: unknown): UserInput {
  const object = asObject(raw ?? {}, BODY);
  const otherServiceCalendars = nonNegative(object, 'other_service_calendars', BODY);
  if (otherServiceCalendars !== undefined && otherServiceCalendars > 99) {
    throw invalidParam(`${BODY}.other_service_calendars must be at most 99`);
  }
  return {
    nickname: optionalString(object, 'nickname', BODY, { min: 1, max: 100 }),
    scopes: parseScopes(object, BODY),
    talkUser: optionalBoolean(object, 'talk_user', BODY),
    teamMember: optionalBoolean(object, 'team_member', BODY),
    allowMessages: optionalBoolean(object, 'allowed_msg', BODY),
    otherServiceCalendars,
  };
}

export const BULK_USERS_MAX = 200_000;

export interface BulkUsersInput {
  count: number;
  scopes?: Scope[];
  nicknamePrefix: string;
  talkUser?: boolean;
  teamMember?: boolean;
}

/** Body of `POST /__sandbox/apps/{app_id}/users/bulk`. */
export function parseBulkUsersInput(raw: unknown): BulkUsersInput {
  const object = asObject(raw ?? {}, BODY);
  const count = optionalInteger(object, 'count', BODY);
  if (count === undefined || count < 1 || count > BULK_USERS_MAX) {
    throw invalidParam(`${BODY}.count must be an integer from 1 to ${BULK_USERS_MAX}`);
  }
  return {
    count,
    scopes: parseScopes(object, BODY),
    nicknamePrefix: optionalString(object, 'nickname_prefix', BODY, { min: 1, max: 80 }) ?? 'user',
    talkUser: optionalBoolean(object, 'talk_user', BODY),
    teamMember: optionalBoolean(object, 'team_member', BODY),
  };
}

/** An app or user id from a path or a body field; numbers and numeric strings are both fine. */
export function numericIdOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return value;
  }
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

export interface FriendshipInput {
  userId: number;
  friendUserId: number;
  favorite: boolean;
}

export function parseFriendshipInput(raw: unknown): FriendshipInput {
  const object = asObject(raw ?? {}, BODY);
  const userId = numericIdOf(object.user_id);
  const friendUserId = numericIdOf(object.friend_user_id);
  if (userId === undefined || friendUserId === undefined) {
    throw invalidParam(`${BODY}.user_id and ${BODY}.friend_user_id are required user ids`);
  }
  if (userId === friendUserId) {
    throw invalidParam('a user cannot befriend themselves');
  }
  return { userId, friendUserId, favorite: optionalBoolean(object, 'favorite', BODY) ?? false };
}

const RELATIONS: readonly ChannelRelation[] = ['ADDED', 'BLOCKED', 'NONE'];

export function parseChannelRelationInput(raw: unknown): {
  channelPublicId: string;
  relation: ChannelRelation;
} {
  const object = asObject(raw ?? {}, BODY);
  const channelPublicId = requiredString(object, 'channel_public_id', BODY);
  const relation = object.relation;
  if (!RELATIONS.includes(relation as ChannelRelation)) {
    throw invalidParam(`${BODY}.relation must be ADDED, BLOCKED or NONE`);
  }
  return { channelPublicId, relation: relation as ChannelRelation };
}
