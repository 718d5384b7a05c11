import { isCalendarDate } from '@app/common';
import { KAKAO_COLORS } from '@app/kakao-client';

import { type CampaignContent, type CampaignSnapshot } from './campaign-content';
import { rruleProblem } from './recurrence-rule';

// Limits of Kakao's Talk Calendar (shared/kakao-api.md section 7), so a valid draft never fails at
// Kakao for a validation reason. Where sources disagree we take the stricter value.
export const LIMITS = {
  nameMax: 100,
  titleMax: 50,
  descriptionMax: 5000,
  /** Kakao allows 100 per one source, 50 per another: the client caps at 50. */
  locationNameMax: 50,
  remindersMax: 2,
  reminderTimedMin: 0,
  reminderAllDayMin: -1440,
  reminderMax: 43200,
  tagsMax: 20,
  tagMax: 30,
  notesMax: 10_000,
  buttonTitleMax: 20,
  urlMax: 2000,
} as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const HEX_COLOR = /^#?[0-9A-Fa-f]{6}$/;

/** Counts characters as people do (a Hangul syllable or an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) {
    count += 1;
  }
  return count;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

function isHttpUrl(text: string): boolean {
  if (text.length > LIMITS.urlMax) {
    return false;
  }
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

type Errors = Record<string, string>;

function checkText(
  errors: Errors,
  field: string,
  value: string | undefined,
  min: number,
  max: number,
): void {
  if (value === undefined) {
    if (min > 0) {
      errors[field] = 'is required';
    }
    return;
  }
  const length = characterCount(value.trim());
  if (length < min) {
    errors[field] = 'is required';
  } else if (characterCount(value) > max) {
    errors[field] = `must be at most ${max} characters (now ${characterCount(value)})`;
  }
}

function checkUrl(errors: Errors, field: string, value: string | undefined): void {
  if (value !== undefined && !isHttpUrl(value)) {
    errors[field] = 'must be an http(s) URL';
  }
}

function checkTime(errors: Errors, content: CampaignContent): void {
  if (!isValidTimeZone(content.timeZone)) {
    errors.timeZone = 'must be an IANA time zone such as Asia/Seoul';
  }
  if (content.allDay) {
    if (content.startDate === undefined || !isCalendarDate(content.startDate)) {
      errors.startDate = 'must be a date YYYY-MM-DD';
    }
    if (content.endDate === undefined || !isCalendarDate(content.endDate)) {
      errors.endDate = 'must be a date YYYY-MM-DD';
    }
    if (!errors.startDate && !errors.endDate && content.endDate! < content.startDate!) {
      errors.endDate = 'must not be before the start date';
    }
    return;
  }
  const starts = content.startsAt;
  const ends = content.endsAt;
  if (starts === undefined || !ISO_INSTANT.test(starts) || Number.isNaN(Date.parse(starts))) {
    errors.startsAt = 'must be an ISO-8601 date-time with a zone, e.g. 2025-04-12T10:00:00+09:00';
  }
  if (ends === undefined || !ISO_INSTANT.test(ends) || Number.isNaN(Date.parse(ends))) {
    errors.endsAt = 'must be an ISO-8601 date-time with a zone, e.g. 2025-04-12T19:00:00+09:00';
  }
  if (!errors.startsAt && !errors.endsAt && Date.parse(ends!) <= Date.parse(starts!)) {
    errors.endsAt = 'must be after the start';
  }
}

function checkReminders(errors: Errors, content: CampaignContent): void {
  const reminders = content.reminders;
  if (reminders === undefined) {
    return;
  }
  if (reminders.length > LIMITS.remindersMax) {
    errors.reminders = `at most ${LIMITS.remindersMax} reminders`;
    return;
  }
  const min = content.allDay ? LIMITS.reminderAllDayMin : LIMITS.reminderTimedMin;
  for (const minutes of reminders) {
    if (!Number.isInteger(minutes) || minutes % 5 !== 0) {
      errors.reminders = 'each reminder must be a whole multiple of 5 minutes';
      return;
    }
    if (minutes < min || minutes > LIMITS.reminderMax) {
      errors.reminders = `each reminder must be between ${min} and ${LIMITS.reminderMax} minutes`;
      return;
    }
  }
  if (new Set(reminders).size !== reminders.length) {
    errors.reminders = 'reminders must differ';
  }
}

function checkLocation(errors: Errors, content: CampaignContent): void {
  const location = content.location;
  if (!location) {
    return;
  }
  checkText(errors, 'location.name', location.name, 1, LIMITS.locationNameMax);
  checkText(errors, 'location.address', location.address, 0, 200);
  if (location.latitude !== undefined && !(location.latitude >= -90 && location.latitude <= 90)) {
    errors['location.latitude'] = 'must be between -90 and 90';
  }
  if (
    location.longitude !== undefined &&
    !(location.longitude >= -180 && location.longitude <= 180)
  ) {
    errors['location.longitude'] = 'must be between -180 and 180';
  }
  if ((location.latitude === undefined) !== (location.longitude === undefined)) {
    errors['location.latitude'] ??= 'latitude and longitude go together';
  }
  if (
    location.locationId !== undefined &&
    !(Number.isSafeInteger(location.locationId) && location.locationId > 0)
  ) {
    errors['location.locationId'] = 'must be a positive whole number';
  }
}

function checkMarketing(errors: Errors, content: CampaignContent): void {
  const banner = content.banner;
  if (banner) {
    checkUrl(errors, 'banner.pcImageUrl', banner.pcImageUrl);
    checkUrl(errors, 'banner.mobileImageUrl', banner.mobileImageUrl);
    checkUrl(errors, 'banner.webUrl', banner.webUrl);
    checkUrl(errors, 'banner.mobileWebUrl', banner.mobileWebUrl);
    if (banner.bgColor !== undefined && !HEX_COLOR.test(banner.bgColor)) {
      errors['banner.bgColor'] = 'must be a colour like #FFAA00';
    }
  }
  const button = content.reminderButton;
  if (button) {
    checkText(errors, 'reminderButton.title', button.title, 1, LIMITS.buttonTitleMax);
    checkUrl(errors, 'reminderButton.webUrl', button.webUrl);
    checkUrl(errors, 'reminderButton.mobileWebUrl', button.mobileWebUrl);
    if (button.webUrl === undefined && button.mobileWebUrl === undefined) {
      errors['reminderButton.webUrl'] = 'a button needs a web or mobile web link';
    }
  }
}

/** Every rule a public event must meet at Kakao, as `{ 'content.field': reason }`. */
export function contentErrors(content: CampaignContent): Errors {
  const errors: Errors = {};
  checkText(errors, 'title', content.title, 1, LIMITS.titleMax);
  checkText(errors, 'description', content.description, 0, LIMITS.descriptionMax);
  checkTime(errors, content);
  if (content.rrule !== undefined) {
    const problem = rruleProblem(content.rrule, { lunar: content.lunar });
    if (problem) {
      errors.rrule = problem;
    }
  } else if (content.lunar && !content.allDay) {
    errors.lunar = 'lunar dates apply to all-day events';
  }
  checkReminders(errors, content);
  if (content.color !== undefined && !(KAKAO_COLORS as readonly string[]).includes(content.color)) {
    errors.color = `must be one of ${KAKAO_COLORS.join(', ')}`;
  }
  checkLocation(errors, content);
  checkMarketing(errors, content);
  return Object.fromEntries(
    Object.entries(errors).map(([field, reason]) => [`content.${field}`, reason]),
  );
}

/** The whole draft: our own fields plus the content. Empty when valid. */
export function snapshotErrors(snapshot: CampaignSnapshot): Errors {
  const errors: Errors = {};
  checkText(errors, 'name', snapshot.name, 1, LIMITS.nameMax);
  checkText(errors, 'notes', snapshot.notes, 0, LIMITS.notesMax);
  if (snapshot.tags.length > LIMITS.tagsMax) {
    errors.tags = `at most ${LIMITS.tagsMax} tags`;
  } else if (
    snapshot.tags.some((tag) => tag.trim() === '' || characterCount(tag) > LIMITS.tagMax)
  ) {
    errors.tags = `each tag must be 1 to ${LIMITS.tagMax} characters`;
  }
  if (snapshot.target.kind === 'subscribe_calendar' && !snapshot.target.calendarId) {
    errors['target.calendarId'] = 'is required for a subscribe-calendar target';
  }
  return { ...errors, ...contentErrors(snapshot.content) };
}
