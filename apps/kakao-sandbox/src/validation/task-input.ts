import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { TaskDueInfo, TaskRecur, TaskStatus } from '@app/kakao-sandbox/state/models';
import { parseBasicDate } from '@app/kakao-sandbox/validation/datetime';
import {
  asObject,
  hasKey,
  optionalString,
  requiredString,
} from '@app/kakao-sandbox/validation/json-reader';
import { parseRecurrenceRule } from '@app/kakao-sandbox/validation/rrule';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@app/kakao-sandbox/validation/time-zone';

export const TASK_CONTENT_MAX = 100;
const PATH = 'task';
const ALARM_PATTERN = /^([01]\d|2[0-3])([0-5]\d)$/;

export interface TaskPatch {
  content?: string;
  /** `null` clears it. */
  dueInfo?: TaskDueInfo | null;
  recur?: TaskRecur | null;
  status?: TaskStatus;
}

export interface TaskCreateInput extends TaskPatch {
  content: string;
}

function parseDueInfo(raw: unknown): TaskDueInfo {
  const path = `${PATH}.due_info`;
  const object = asObject(raw, path);
  const dueDate = optionalString(object, 'due_date', path);
  const alarmTime = optionalString(object, 'alarm_time', path);
  if (dueDate === undefined) {
    throw invalidParam(
      alarmTime === undefined
        ? `${path}.due_date is required`
        : `${path}.alarm_time needs a due_date`,
    );
  }
  if (parseBasicDate(dueDate) === undefined) {
    throw invalidParam(`${path}.due_date must be a real date as yyyyMMdd`);
  }
  const timeZone = optionalString(object, 'time_zone', path) ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw invalidParam(`${path}.time_zone must be an IANA time zone id`);
  }
  const dueInfo: TaskDueInfo = { due_date: dueDate, time_zone: timeZone };
  if (alarmTime !== undefined) {
    const match = ALARM_PATTERN.exec(alarmTime);
    if (!match || Number(match[2]) % 5 !== 0) {
      throw invalidParam(`${path}.alarm_time must be HHmm on a 5-minute grid`);
    }
    dueInfo.alarm_time = alarmTime;
  }
  return dueInfo;
}

function parseRecur(raw: unknown): TaskRecur {
  const path = `${PATH}.recur`;
  const object = asObject(raw, path);
  const rrule = requiredString(object, 'rrule', path);
  try {
    parseRecurrenceRule(rrule);
  } catch {
    throw invalidParam(`${path}.rrule is not a supported RRULE value`);
  }
  return { rrule };
}

function parseStatus(raw: unknown): TaskStatus {
  if (raw !== 'TODO' && raw !== 'COMPLETED') {
    throw invalidParam(`${PATH}.status must be TODO or COMPLETED`);
  }
  return raw;
}

function parseFields(raw: unknown): TaskPatch {
  const object = asObject(raw, PATH);
  const patch: TaskPatch = {};
  const content = optionalString(object, 'content', PATH, { min: 1, max: TASK_CONTENT_MAX });
  if (content !== undefined) {
    if (content.trim() === '') {
      throw invalidParam(`${PATH}.content must not be blank`);
    }
    patch.content = content;
  }
  if (hasKey(object, 'due_info')) {
    patch.dueInfo = parseDueInfo(object.due_info);
  } else if ('due_info' in object) {
    patch.dueInfo = null;
  }
  if (hasKey(object, 'recur')) {
    patch.recur = parseRecur(object.recur);
  } else if ('recur' in object) {
    patch.recur = null;
  }
  if (hasKey(object, 'status')) {
    patch.status = parseStatus(object.status);
  }
  return patch;
}

/** Task of 4.21: `content` 1–100 chars required; `due_info`, `recur`, `status` optional. */
export function parseTaskCreate(raw: unknown): TaskCreateInput {
  const patch = parseFields(raw);
  if (patch.content === undefined) {
    throw invalidParam(`${PATH}.content is required`);
  }
  return { ...patch, content: patch.content };
}

/** Partial task of 4.24; an explicit `null` clears `due_info` or `recur`. */
export function parseTaskPatch(raw: unknown): TaskPatch {
  const patch = parseFields(raw);
  if (Object.keys(patch).length === 0) {
    throw invalidParam(`${PATH} holds no field to change`);
  }
  return patch;
}
