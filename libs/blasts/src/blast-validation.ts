import { DateTime } from 'luxon';
import { RRule } from 'rrule';

import { rruleProblem } from '@app/campaigns';
import { isCalendarDate } from '@app/common';

import { type BlastMessage, type BlastSchedule } from './blast.entity';

const TEMPLATE_MAX_BYTES = 10 * 1024;

function isHttpUrl(text: string | undefined): boolean {
  if (text === undefined) {
    return true;
  }
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Rules of Kakao's `calendar` template (5.3), named by field. */
export function messageErrors(message: BlastMessage): Record<string, string> {
  const errors: Record<string, string> = {};
  if (message.idType === 'event' && !message.campaignId) {
    errors['message.campaignId'] = 'is required for an event message';
  }
  if (message.idType === 'calendar' && !message.subscribeCalendarId) {
    errors['message.subscribeCalendarId'] = 'is required for a calendar message';
  }
  if (!message.title && !message.description && !message.imageUrl) {
    errors['message.title'] = 'a message needs a title, a description or an image';
  }
  if (message.title !== undefined && message.title.length > 200) {
    errors['message.title'] = 'must be at most 200 characters';
  }
  if (message.description !== undefined && message.description.length > 1000) {
    errors['message.description'] = 'must be at most 1000 characters';
  }
  for (const field of ['imageUrl', 'webUrl', 'mobileWebUrl'] as const) {
    if (!isHttpUrl(message[field])) {
      errors[`message.${field}`] = 'must be an http(s) URL';
    }
  }
  if (!message.webUrl && !message.mobileWebUrl) {
    errors['message.webUrl'] = 'the message needs a web or mobile web link';
  }
  for (const field of ['imageWidth', 'imageHeight'] as const) {
    const value = message[field];
    if (value !== undefined && value < 200) {
      errors[`message.${field}`] = 'must be at least 200 pixels';
    }
  }
  if (message.button) {
    if (!message.button.title.trim() || message.button.title.length > 14) {
      errors['message.button.title'] = 'must be 1 to 14 characters';
    }
    if (!message.button.webUrl && !message.button.mobileWebUrl) {
      errors['message.button.webUrl'] = 'a button needs a web or mobile web link';
    }
    for (const field of ['webUrl', 'mobileWebUrl'] as const) {
      if (!isHttpUrl(message.button[field])) {
        errors[`message.button.${field}`] = 'must be an http(s) URL';
      }
    }
  }
  if (Buffer.byteLength(JSON.stringify(message)) > TEMPLATE_MAX_BYTES) {
    errors.message = 'the message must be under 10 KB';
  }
  return errors;
}

/** `YYYY-MM-DDTHH:mm`, seconds optional (what a datetime-local input sends). */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/**
 * The local date-time `at` of a schedule as an instant, or undefined when it is not exactly
 * `YYYY-MM-DDTHH:mm[:ss]` on a real day (luxon alone also reads `12` or `2030-W15`).
 */
export function scheduleInstant(schedule: BlastSchedule): Date | undefined {
  const match = schedule.at === undefined ? null : LOCAL_DATE_TIME.exec(schedule.at);
  if (!match || !isCalendarDate(match[1])) {
    return undefined;
  }
  const local = DateTime.fromISO(match[0], { zone: schedule.timeZone });
  return local.isValid ? local.toJSDate() : undefined;
}

/**
 * Why a blast's RRULE is refused, or undefined. Blasts take the recurrences campaigns take:
 * FREQ DAILY to YEARLY with INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH and WKST. Without
 * BYHOUR, BYMINUTE or BYSECOND these never repeat within a day, so runs are at least a day apart.
 */
export function blastRruleProblem(rrule: string): string | undefined {
  return rruleProblem(rrule);
}

/**
 * The occurrences of a recurring schedule from its first `at`, in the schedule's zone. A rule
 * outside the allowed set (a blast stored before the check) has no further occurrence.
 */
export function occurrenceAfter(schedule: BlastSchedule, after: Date): Date | undefined {
  const first = scheduleInstant(schedule);
  if (!first || !schedule.rrule || blastRruleProblem(schedule.rrule) !== undefined) {
    return undefined;
  }
  const rule = new RRule({ ...RRule.parseString(schedule.rrule), dtstart: first });
  return rule.after(after, true) ?? undefined;
}

export function scheduleErrors(schedule: BlastSchedule, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!DateTime.local().setZone(schedule.timeZone).isValid) {
    errors['schedule.timeZone'] = 'must be an IANA time zone such as Asia/Seoul';
    return errors;
  }
  if (schedule.kind === 'now') {
    return errors;
  }
  const at = scheduleInstant(schedule);
  if (!at) {
    errors['schedule.at'] = 'must be a local date-time YYYY-MM-DDTHH:mm';
    return errors;
  }
  if (schedule.kind === 'at' && at <= now) {
    errors['schedule.at'] = 'must be in the future';
  }
  if (schedule.kind === 'recurring') {
    const problem = schedule.rrule ? blastRruleProblem(schedule.rrule) : undefined;
    if (!schedule.rrule) {
      errors['schedule.rrule'] = 'is required for a recurring schedule';
    } else if (problem !== undefined) {
      errors['schedule.rrule'] = problem;
    } else {
      try {
        if (!occurrenceAfter(schedule, now)) {
          errors['schedule.rrule'] = 'has no occurrence in the future';
        }
      } catch (error) {
        errors['schedule.rrule'] =
          `cannot be parsed: ${error instanceof Error ? error.message : 'invalid'}`;
      }
    }
  }
  return errors;
}
