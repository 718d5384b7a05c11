import { describeRecurrence, parseRrule, type Translate } from '@admin/campaigns/recurrence';
import { reminderLabel } from '@admin/campaigns/reminders';
import { formatDate, formatInstant } from '@admin/time/zonedTime';

export interface KakaoTextContext {
  translate: Translate;
  locale: string;
  /** The zone to show times in when Kakao's copy names none (the channel's). */
  timeZone: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Kakao's `time` object: the instants in its zone (all-day spans as days), zone named. */
function timeText(time: Record<string, unknown>, context: KakaoTextContext): string | undefined {
  const start = text(time.start_at);
  const end = text(time.end_at);
  if (!start || !end) {
    return undefined;
  }
  const zone = text(time.time_zone) ?? context.timeZone;
  const lunar = time.lunar === true ? ` · ${context.translate('app.campaign.kakao.lunar')}` : '';
  if (time.all_day === true) {
    // All-day spans run from midnight to the midnight after the last day.
    const first = start.slice(0, 10);
    const last = new Date(Date.parse(end) - 1).toISOString().slice(0, 10);
    const days =
      first === last
        ? formatDate(first, context.locale)
        : `${formatDate(first, context.locale)} – ${formatDate(last, context.locale)}`;
    return `${days} · ${context.translate('app.campaign.kakao.all_day')}${lunar}`;
  }
  const from = formatInstant(start, zone, context.locale);
  const sameDay =
    formatInstant(start, zone, context.locale, { dateStyle: 'medium' }) ===
    formatInstant(end, zone, context.locale, { dateStyle: 'medium' });
  const to = sameDay
    ? formatInstant(end, zone, context.locale, { timeStyle: 'short' })
    : formatInstant(end, zone, context.locale);
  return `${from} – ${to} (${zone})${lunar}`;
}

/** Labelled lines of an object (place, banner) with the form's labels, empty parts left out. */
function lines(
  value: Record<string, unknown>,
  labels: Record<string, string>,
  translate: Translate,
): string {
  // Nested groups (the banner's `link`) read as their parts.
  const flat = Object.entries(value).flatMap(([key, member]) =>
    isRecord(member) ? Object.entries(member) : [[key, member] as const],
  );
  return flat
    .filter(([, member]) => member !== null && member !== undefined && member !== '')
    .map(([key, member]) => {
      const label = labels[key] ? translate(labels[key], { _: key }) : key;
      return `${label}: ${String(member)}`;
    })
    .join('\n');
}

const LOCATION_LABELS: Record<string, string> = {
  name: 'resources.campaigns.fields.content.location.name',
  address: 'resources.campaigns.fields.content.location.address',
  latitude: 'resources.campaigns.fields.content.location.latitude',
  longitude: 'resources.campaigns.fields.content.location.longitude',
  location_id: 'resources.campaigns.fields.content.location.locationId',
};

const BANNER_LABELS: Record<string, string> = {
  pc_image_url: 'resources.campaigns.fields.content.banner.pcImageUrl',
  mobile_image_url: 'resources.campaigns.fields.content.banner.mobileImageUrl',
  bg_color: 'resources.campaigns.fields.content.banner.bgColor',
  web_url: 'resources.campaigns.fields.content.banner.webUrl',
  mobile_web_url: 'resources.campaigns.fields.content.banner.mobileWebUrl',
};

/**
 * One field of a public event (ours or Kakao's, in Kakao's shape) as a marketer reads it: times
 * in the event's zone, the repeat rule, reminders and colour in words. `undefined` when the value
 * has no plainer form, so the caller shows it as it is.
 */
export function kakaoFieldText(
  field: string,
  value: unknown,
  event: Record<string, unknown> | null,
  context: KakaoTextContext,
): string | undefined {
  const { translate, locale } = context;
  const time = isRecord(event?.time) ? event.time : undefined;
  const allDay = time?.all_day === true;
  switch (field) {
    case 'time':
      return isRecord(value) ? timeText(value, context) : undefined;
    case 'rrule': {
      const rule = text(value);
      const fields = rule ? parseRrule(rule) : null;
      if (!rule || !fields) {
        return rule;
      }
      const start = text(time?.start_at);
      const zone = text(time?.time_zone) ?? context.timeZone;
      const startDate = start
        ? new Intl.DateTimeFormat('en-CA', { timeZone: allDay ? 'UTC' : zone }).format(
            new Date(Date.parse(start)),
          )
        : undefined;
      return describeRecurrence(fields, {
        translate,
        locale,
        startDate,
        lunar: time?.lunar === true,
      });
    }
    case 'reminders':
      return Array.isArray(value)
        ? value
            .filter((minutes): minutes is number => typeof minutes === 'number')
            .map((minutes) => reminderLabel(minutes, allDay, translate))
            .join(', ')
        : undefined;
    case 'color':
      return text(value)
        ? translate(`app.enums.color.${String(value)}`, { _: String(value) })
        : undefined;
    case 'location':
      return isRecord(value) ? lines(value, LOCATION_LABELS, translate) : undefined;
    case 'banner':
      return isRecord(value) ? lines(value, BANNER_LABELS, translate) : undefined;
    default:
      return undefined;
  }
}
