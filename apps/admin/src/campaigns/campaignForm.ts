import {
  type Campaign,
  type CampaignBanner,
  type CampaignContent,
  type CampaignLocation,
  type CampaignReminderButton,
  type CampaignTarget,
  type CampaignUpdate,
  type CampaignWrite,
  KAKAO_COLORS,
  type KakaoColor,
} from '@admin/campaigns/types';
import {
  addDays,
  instantToWallTime,
  isDateText,
  localDate,
  wallTimeToInstant,
} from '@admin/time/zonedTime';

/**
 * What the campaign form edits. Timed starts and ends are wall times (`YYYY-MM-DDTHH:mm`) in
 * `content.timeZone`, so changing the zone keeps "10:00" at 10:00; they become instants with the
 * zone's offset only when saved. Field names match the API's, so its `errors` land under each input.
 */
export interface CampaignFormValues {
  id?: string;
  version?: number;
  name: string;
  tags: string[];
  notes: string;
  target: { kind: CampaignTarget['kind']; calendarId?: string | null };
  content: {
    title: string;
    description: string;
    allDay: boolean;
    startsAt: string;
    endsAt: string;
    startDate: string;
    endDate: string;
    timeZone: string;
    lunar: boolean;
    rrule: string | null;
    reminders: number[];
    color: KakaoColor | null;
    location: {
      name: string;
      address: string;
      latitude: number | null;
      longitude: number | null;
      locationId: number | null;
    };
    banner: Required<Record<keyof CampaignBanner, string>>;
    reminderButton: Required<Record<keyof CampaignReminderButton, string>>;
  };
}

const text = (value: string | null | undefined): string => value ?? '';

/** A new campaign: tomorrow 10:00–11:00 in the channel's zone. */
export function newCampaignValues(timeZone: string, now: number = Date.now()): CampaignFormValues {
  const tomorrow = addDays(localDate(now, timeZone), 1);
  return {
    name: '',
    tags: [],
    notes: '',
    target: { kind: 'public_events', calendarId: null },
    content: {
      title: '',
      description: '',
      allDay: false,
      startsAt: `${tomorrow}T10:00`,
      endsAt: `${tomorrow}T11:00`,
      startDate: tomorrow,
      endDate: tomorrow,
      timeZone,
      lunar: false,
      rrule: null,
      reminders: [],
      color: null,
      location: { name: '', address: '', latitude: null, longitude: null, locationId: null },
      banner: { pcImageUrl: '', mobileImageUrl: '', bgColor: '', webUrl: '', mobileWebUrl: '' },
      reminderButton: { title: '', webUrl: '', mobileWebUrl: '' },
    },
  };
}

/** The form's values for a saved campaign. */
export function campaignToForm(campaign: Campaign): CampaignFormValues {
  const content = campaign.content;
  const zone = content.timeZone;
  const startsAt = content.startsAt ? instantToWallTime(content.startsAt, zone) : '';
  const endsAt = content.endsAt ? instantToWallTime(content.endsAt, zone) : '';
  return {
    id: campaign.id,
    version: campaign.version,
    name: campaign.name,
    tags: [...campaign.tags],
    notes: text(campaign.notes),
    target:
      campaign.target.kind === 'subscribe_calendar'
        ? { kind: 'subscribe_calendar', calendarId: campaign.target.calendarId }
        : { kind: 'public_events', calendarId: null },
    content: {
      title: content.title,
      description: text(content.description),
      allDay: content.allDay,
      startsAt,
      endsAt,
      // Keep the other mode's inputs sensible when the all-day switch is flipped.
      startDate: content.startDate ?? startsAt.slice(0, 10),
      endDate: content.endDate ?? endsAt.slice(0, 10),
      timeZone: zone,
      lunar: content.lunar ?? false,
      rrule: content.rrule ?? null,
      reminders: [...(content.reminders ?? [])],
      color: content.color ?? null,
      location: {
        name: text(content.location?.name),
        address: text(content.location?.address),
        latitude: content.location?.latitude ?? null,
        longitude: content.location?.longitude ?? null,
        locationId: content.location?.locationId ?? null,
      },
      banner: {
        pcImageUrl: text(content.banner?.pcImageUrl),
        mobileImageUrl: text(content.banner?.mobileImageUrl),
        bgColor: text(content.banner?.bgColor),
        webUrl: text(content.banner?.webUrl),
        mobileWebUrl: text(content.banner?.mobileWebUrl),
      },
      reminderButton: {
        title: text(content.reminderButton?.title),
        webUrl: text(content.reminderButton?.webUrl),
        mobileWebUrl: text(content.reminderButton?.mobileWebUrl),
      },
    },
  };
}

/** Empty inputs are "not set": the API wants them left out, not sent as "". */
function optional(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function optionalNumber(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function withoutUndefined<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, member]) => member !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

function locationOf(
  values: CampaignFormValues['content']['location'],
): CampaignLocation | undefined {
  const name = optional(values.name);
  const rest = withoutUndefined({
    address: optional(values.address),
    latitude: optionalNumber(values.latitude),
    longitude: optionalNumber(values.longitude),
    locationId: optionalNumber(values.locationId),
  });
  if (name === undefined && rest === undefined) {
    return undefined;
  }
  // A place without a name is sent as such, so the API names `location.name` as the problem.
  return { name: name ?? '', ...rest };
}

function bannerOf(values: CampaignFormValues['content']['banner']): CampaignBanner | undefined {
  const bgColor = optional(values.bgColor);
  return withoutUndefined({
    pcImageUrl: optional(values.pcImageUrl),
    mobileImageUrl: optional(values.mobileImageUrl),
    bgColor: bgColor && !bgColor.startsWith('#') ? `#${bgColor}` : bgColor,
    webUrl: optional(values.webUrl),
    mobileWebUrl: optional(values.mobileWebUrl),
  });
}

function buttonOf(
  values: CampaignFormValues['content']['reminderButton'],
): CampaignReminderButton | undefined {
  const title = optional(values.title);
  const links = withoutUndefined({
    webUrl: optional(values.webUrl),
    mobileWebUrl: optional(values.mobileWebUrl),
  });
  if (title === undefined && links === undefined) {
    return undefined;
  }
  return { title: title ?? '', ...links };
}

function colorOf(value: string | null): KakaoColor | undefined {
  return (KAKAO_COLORS as readonly string[]).includes(value ?? '')
    ? (value as KakaoColor)
    : undefined;
}

/** The content as the API takes it: instants for timed events, dates for all-day ones. */
export function contentOf(values: CampaignFormValues['content']): CampaignContent {
  const zone = values.timeZone.trim();
  const content: CampaignContent = {
    title: values.title,
    allDay: values.allDay,
    timeZone: zone,
  };
  const description = optional(values.description);
  if (description !== undefined) {
    content.description = values.description;
  }
  if (values.allDay) {
    content.startDate = values.startDate;
    content.endDate = values.endDate;
    if (values.lunar) {
      content.lunar = true;
    }
  } else {
    // A wall time that cannot be read is sent as typed, so the API names the field.
    content.startsAt = wallTimeToInstant(values.startsAt, zone) ?? values.startsAt;
    content.endsAt = wallTimeToInstant(values.endsAt, zone) ?? values.endsAt;
  }
  const rrule = optional(values.rrule);
  if (rrule !== undefined) {
    content.rrule = rrule;
  }
  const location = locationOf(values.location);
  if (location) {
    content.location = location;
  }
  if (values.reminders.length > 0) {
    content.reminders = [...values.reminders];
  }
  const color = colorOf(values.color);
  if (color) {
    content.color = color;
  }
  const banner = bannerOf(values.banner);
  if (banner) {
    content.banner = banner;
  }
  const button = buttonOf(values.reminderButton);
  if (button) {
    content.reminderButton = button;
  }
  return content;
}

function targetOf(values: CampaignFormValues['target']): CampaignTarget {
  return values.kind === 'subscribe_calendar'
    ? { kind: 'subscribe_calendar', calendarId: values.calendarId ?? '' }
    : { kind: 'public_events' };
}

/** `POST /api/campaigns`: only the fields a campaign is written with. */
export function formToCreate(values: CampaignFormValues): CampaignWrite {
  const write: CampaignWrite = {
    name: values.name,
    tags: values.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
    target: targetOf(values.target),
    content: contentOf(values.content),
  };
  const notes = optional(values.notes);
  if (notes !== undefined) {
    write.notes = values.notes;
  }
  return write;
}

/** `PUT /api/campaigns/:id`: the editable fields plus the version the editor started from. */
export function formToUpdate(values: CampaignFormValues): CampaignUpdate {
  if (values.version === undefined) {
    throw new Error('A saved campaign always has a version');
  }
  return { ...formToCreate(values), notes: values.notes, version: values.version };
}

/** The day a timed or all-day campaign starts, for summaries and the recurrence builder. */
export function startDateOf(values: CampaignFormValues['content']): string | undefined {
  // A cleared input holds null (react-admin's parse), not "", while the person is typing.
  const typed: unknown = values.allDay ? values.startDate : values.startsAt;
  const date = typeof typed === 'string' ? typed.slice(0, 10) : '';
  return isDateText(date) ? date : undefined;
}
