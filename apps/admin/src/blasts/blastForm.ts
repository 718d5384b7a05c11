import {
  type BlastMessage,
  type BlastSchedule,
  type BlastWrite,
  type DeliveryMode,
  type IdType,
  type ScheduleKind,
} from '@admin/blasts/types';
import { type Campaign } from '@admin/campaigns/types';
import { type SubscribeCalendar } from '@admin/subscribe-calendars/types';
import { addDays, localDate } from '@admin/time/zonedTime';

/**
 * What the blast wizard edits. Field names are the API's (CreateBlastDto), so the `errors` of a
 * refused save land under each input; `customButton` is the form's own switch, never sent.
 */
export interface BlastFormValues {
  name: string;
  message: {
    idType: IdType;
    campaignId: string | null;
    subscribeCalendarId: string | null;
    title: string;
    description: string;
    imageUrl: string;
    imageWidth: number | null;
    imageHeight: number | null;
    webUrl: string;
    mobileWebUrl: string;
    button: { title: string; webUrl: string; mobileWebUrl: string };
    /** Only send-to-me delivery can carry per-recipient links; friends mode sends it off. */
    tracking: boolean;
  };
  customButton: boolean;
  audienceId: string | null;
  schedule: {
    kind: ScheduleKind;
    /** Local `YYYY-MM-DDTHH:mm` in `timeZone`. */
    at: string;
    timeZone: string;
    rrule: string | null;
    onlyNotReached: boolean;
  };
  ratePerSecond: number;
  quietHours: boolean;
  frequencyCap: number | null;
  deliveryMode: DeliveryMode;
  senderRecipientId: string | null;
}

export const DEFAULT_RATE_PER_SECOND = 100;
export const MAX_RATE_PER_SECOND = 100_000;
/** Kakao's limits on the calendar template (5.3) that the API checks too. */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const BUTTON_TITLE_MAX = 14;

/** The wizard's steps, in order; each owns the fields whose errors send the user back to it. */
export const WIZARD_STEPS = ['message', 'audience', 'schedule', 'delivery', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

const STEP_OF_FIELD: readonly [RegExp, WizardStep][] = [
  // Tracking sits with the delivery mode it depends on.
  [/^message\.tracking$/, 'delivery'],
  [/^(name|message|customButton)(\.|$)/, 'message'],
  [/^audienceId$/, 'audience'],
  [/^schedule(\.|$)/, 'schedule'],
  [/^(ratePerSecond|quietHours|frequencyCap|deliveryMode|senderRecipientId)$/, 'delivery'],
];

/** The step that shows a field (`message.button.title` → `message`); `review` for the rest. */
export function stepOfField(field: string): WizardStep {
  return STEP_OF_FIELD.find(([pattern]) => pattern.test(field))?.[1] ?? 'review';
}

/** The first step (in wizard order) that holds one of these fields, if any. */
export function firstStepWith(fields: readonly string[]): WizardStep | undefined {
  const steps = new Set(fields.map(stepOfField));
  return WIZARD_STEPS.find((step) => steps.has(step));
}

/** Dotted paths of the leaves of react-hook-form's nested `errors` (`message.button.title`). */
export function errorPaths(errors: object, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([key, value]: [string, unknown]) => {
    if (key === 'ref' || value === undefined || value === null || typeof value !== 'object') {
      return [];
    }
    const path = prefix ? `${prefix}.${key}` : key;
    return 'message' in value || 'type' in value
      ? [path, ...errorPaths(value, path)]
      : errorPaths(value, path);
  });
}

/** What another screen may hand the wizard (`<CreateButton state={{ record }}>`). */
export interface BlastPrefill {
  name?: string;
  message?: { idType?: IdType; campaignId?: string; subscribeCalendarId?: string };
}

export function readPrefill(record: unknown): BlastPrefill {
  if (typeof record !== 'object' || record === null) {
    return {};
  }
  const { name, message } = record as Record<string, unknown>;
  const prefill: BlastPrefill = {};
  if (typeof name === 'string') {
    prefill.name = name;
  }
  if (typeof message === 'object' && message !== null) {
    const { idType, campaignId, subscribeCalendarId } = message as Record<string, unknown>;
    prefill.message = {
      idType: idType === 'calendar' || idType === 'event' ? idType : undefined,
      campaignId: typeof campaignId === 'string' ? campaignId : undefined,
      subscribeCalendarId:
        typeof subscribeCalendarId === 'string' ? subscribeCalendarId : undefined,
    };
  }
  return prefill;
}

/** What a message can take over from the event or calendar it points at. */
export type TargetContent = Partial<
  Record<'title' | 'description' | 'imageUrl' | 'webUrl' | 'mobileWebUrl', string>
>;

function defined(content: Record<string, string | null | undefined>): TargetContent {
  return Object.fromEntries(
    Object.entries(content).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

/** A campaign's title, description, mobile banner and links. */
export function campaignContent(campaign: Campaign): TargetContent {
  const { content } = campaign;
  return defined({
    title: content.title,
    description: content.description,
    imageUrl: content.banner?.mobileImageUrl ?? content.banner?.pcImageUrl,
    webUrl: content.banner?.webUrl ?? content.reminderButton?.webUrl,
    mobileWebUrl: content.banner?.mobileWebUrl ?? content.reminderButton?.mobileWebUrl,
  });
}

/** A subscribe calendar's name, description and picture. */
export function calendarContent(calendar: SubscribeCalendar): TargetContent {
  return defined({
    title: calendar.name,
    description: calendar.description,
    imageUrl: calendar.thumbnailUrl ?? calendar.profileImageUrl,
  });
}

/** A new blast: an event message with click tracking, sent now at 100 per second, quiet hours respected. */
export function newBlastValues(
  timeZone: string,
  prefillRecord: unknown = null,
  content: TargetContent = {},
  now: number = Date.now(),
): BlastFormValues {
  const prefill = readPrefill(prefillRecord);
  const tomorrow = addDays(localDate(now, timeZone), 1);
  return {
    name: prefill.name ?? '',
    message: {
      idType: prefill.message?.idType ?? 'event',
      campaignId: prefill.message?.campaignId ?? null,
      subscribeCalendarId: prefill.message?.subscribeCalendarId ?? null,
      title: content.title ?? '',
      description: content.description ?? '',
      imageUrl: content.imageUrl ?? '',
      imageWidth: null,
      imageHeight: null,
      webUrl: content.webUrl ?? '',
      mobileWebUrl: content.mobileWebUrl ?? '',
      button: { title: '', webUrl: '', mobileWebUrl: '' },
      tracking: true,
    },
    customButton: false,
    audienceId: null,
    schedule: {
      kind: 'now',
      at: `${tomorrow}T10:00`,
      timeZone,
      rrule: null,
      onlyNotReached: false,
    },
    ratePerSecond: DEFAULT_RATE_PER_SECOND,
    quietHours: true,
    frequencyCap: null,
    deliveryMode: 'send_to_me',
    senderRecipientId: null,
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

/** The message as the API takes it: only the target its `idType` needs, no empty fields. */
export function messageOf(values: BlastFormValues['message'], customButton: boolean): BlastMessage {
  const message: BlastMessage = { idType: values.idType };
  const target =
    values.idType === 'event'
      ? { campaignId: optional(values.campaignId) }
      : { subscribeCalendarId: optional(values.subscribeCalendarId) };
  const fields = {
    ...target,
    title: optional(values.title),
    description: optional(values.description),
    imageUrl: optional(values.imageUrl),
    imageWidth: optionalNumber(values.imageWidth),
    imageHeight: optionalNumber(values.imageHeight),
    webUrl: optional(values.webUrl),
    mobileWebUrl: optional(values.mobileWebUrl),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      Object.assign(message, { [key]: value });
    }
  }
  if (customButton) {
    // A button without a title is sent as such, so the API names `message.button.title`.
    message.button = { title: values.button.title.trim() };
    const webUrl = optional(values.button.webUrl);
    const mobileWebUrl = optional(values.button.mobileWebUrl);
    if (webUrl !== undefined) {
      message.button.webUrl = webUrl;
    }
    if (mobileWebUrl !== undefined) {
      message.button.mobileWebUrl = mobileWebUrl;
    }
  }
  return message;
}

export function scheduleOf(values: BlastFormValues['schedule']): BlastSchedule {
  const schedule: BlastSchedule = { kind: values.kind, timeZone: values.timeZone.trim() };
  if (values.kind !== 'now') {
    schedule.at = values.at;
  }
  if (values.kind === 'recurring') {
    const rrule = optional(values.rrule);
    if (rrule !== undefined) {
      schedule.rrule = rrule;
    }
    schedule.onlyNotReached = values.onlyNotReached;
  }
  return schedule;
}

/** `POST /api/blasts`. */
export function formToCreate(values: BlastFormValues): BlastWrite {
  const write: BlastWrite = {
    name: values.name.trim(),
    message: {
      ...messageOf(values.message, values.customButton),
      tracking: values.deliveryMode === 'send_to_me' && values.message.tracking,
    },
    audienceId: values.audienceId ?? '',
    schedule: scheduleOf(values.schedule),
    ratePerSecond: Number(values.ratePerSecond),
    quietHours: values.quietHours,
    deliveryMode: values.deliveryMode,
  };
  const cap = optionalNumber(values.frequencyCap);
  if (cap !== undefined) {
    write.frequencyCap = cap;
  }
  if (values.deliveryMode === 'friends') {
    const sender = optional(values.senderRecipientId);
    if (sender !== undefined) {
      write.senderRecipientId = sender;
    }
  }
  return write;
}

/** `YYYY-MM-DD` of a local date-time, for the recurrence builder. */
export function scheduleStartDate(at: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : undefined;
}

/** Seconds as "1 h 5 min", "3 min 20 s" or "45 s", in the reader's language. */
export function durationParts(totalSeconds: number): {
  key: 'hours' | 'minutes' | 'seconds';
  h: number;
  m: number;
  s: number;
} {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return { key: h > 0 ? 'hours' : m > 0 ? 'minutes' : 'seconds', h, m, s };
}
