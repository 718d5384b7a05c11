import { errorMessageKey, isTranslatedErrorCode } from '@admin/i18n/errorCodes';

/** The API's error body: `{ statusCode, code, message, errors?: { field: reason } }`. */
export interface ErrorEnvelope {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  details?: Record<string, unknown>;
}

export function readEnvelope(body: unknown): ErrorEnvelope | null {
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const { statusCode, code, message, errors, details } = body as Record<string, unknown>;
  if (typeof statusCode !== 'number' || typeof code !== 'string' || typeof message !== 'string') {
    return null;
  }
  const envelope: ErrorEnvelope = { statusCode, code, message };
  if (typeof errors === 'object' && errors !== null) {
    envelope.errors = Object.fromEntries(
      Object.entries(errors).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  }
  if (typeof details === 'object' && details !== null) {
    envelope.details = details as Record<string, unknown>;
  }
  return envelope;
}

type Args = Record<string, string | number>;

interface ReasonPattern {
  pattern: RegExp;
  key: string;
  args?: (match: RegExpExecArray) => Args;
}

// The API's per-field reasons (English, fixed wording in libs/*/validation) → translation keys.
// A reason without a pattern is shown as the API wrote it.
const REASONS: readonly ReasonPattern[] = [
  { pattern: /^is required$/, key: 'app.validation.required' },
  {
    pattern: /^must be at most (\d+) characters \(now (\d+)\)$/,
    key: 'app.validation.max_chars',
    args: (m) => ({ max: Number(m[1]), now: Number(m[2]) }),
  },
  { pattern: /^must be an http\(s\) URL$/, key: 'app.validation.http_url' },
  { pattern: /^must be a date YYYY-MM-DD/, key: 'app.validation.date' },
  { pattern: /^must not be before the start date$/, key: 'app.validation.end_date_before_start' },
  { pattern: /^must be an ISO-8601 date-time/, key: 'app.validation.date_time' },
  { pattern: /^must be after the start$/, key: 'app.validation.end_before_start' },
  { pattern: /must be an IANA time zone/, key: 'app.validation.time_zone' },
  {
    pattern: /^at most (\d+) reminders$/,
    key: 'app.validation.reminders_max',
    args: (m) => ({ max: Number(m[1]) }),
  },
  {
    pattern: /^each reminder must be a whole multiple of 5 minutes$/,
    key: 'app.validation.reminder_step',
  },
  {
    pattern: /^each reminder must be between (-?\d+) and (-?\d+) minutes$/,
    key: 'app.validation.reminder_range',
    args: (m) => ({ min: Number(m[1]), max: Number(m[2]) }),
  },
  { pattern: /^reminders must differ$/, key: 'app.validation.reminders_differ' },
  {
    pattern: /^at most (\d+) tags$/,
    key: 'app.validation.tags_max',
    args: (m) => ({ max: Number(m[1]) }),
  },
  {
    pattern: /^each tag must be 1 to (\d+) characters$/,
    key: 'app.validation.tag_length',
    args: (m) => ({ max: Number(m[1]) }),
  },
  { pattern: /^must be a colou?r like #/, key: 'app.validation.hex_color' },
  { pattern: /^a button needs a web or mobile web link$/, key: 'app.validation.button_link' },
  { pattern: /^lunar dates apply to all-day events$/, key: 'app.validation.lunar_all_day' },
  { pattern: /^lunar events can only repeat yearly$/, key: 'app.validation.lunar_yearly' },
  { pattern: /^COUNT and UNTIL cannot be used together$/, key: 'app.validation.count_and_until' },
  {
    pattern: /^must be between (-?\d+) and (-?\d+)$/,
    key: 'app.validation.between',
    args: (m) => ({ min: Number(m[1]), max: Number(m[2]) }),
  },
  { pattern: /^latitude and longitude go together$/, key: 'app.validation.lat_lng_pair' },
  { pattern: /^must be a positive whole number$/, key: 'app.validation.positive_integer' },
  {
    pattern: /^is required for a subscribe-calendar target$/,
    key: 'app.validation.calendar_target',
  },
  { pattern: /must be a time as HH:mm/, key: 'app.validation.hh_mm' },
  { pattern: /must be an email address$/, key: 'app.validation.email' },
  { pattern: /must not contain spaces$/, key: 'app.validation.no_spaces' },
  // Blasts (libs/blasts/src/blast-validation.ts, blasts.service.ts).
  { pattern: /^is required for an event message$/, key: 'app.validation.blast_campaign' },
  { pattern: /^is required for a calendar message$/, key: 'app.validation.calendar_target' },
  {
    pattern: /^a message needs a title, a description or an image$/,
    key: 'app.validation.message_content',
  },
  {
    pattern: /^must be at most (\d+) characters$/,
    key: 'app.validation.at_most_chars',
    args: (m) => ({ max: Number(m[1]) }),
  },
  {
    pattern: /^must be (\d+) to (\d+) characters$/,
    key: 'app.validation.chars_between',
    args: (m) => ({ min: Number(m[1]), max: Number(m[2]) }),
  },
  { pattern: /^the message needs a web or mobile web link$/, key: 'app.validation.message_link' },
  {
    pattern: /^must be at least (\d+) pixels$/,
    key: 'app.validation.min_pixels',
    args: (m) => ({ min: Number(m[1]) }),
  },
  { pattern: /^the message must be under 10 KB$/, key: 'app.validation.template_size' },
  { pattern: /^must be a local date-time/, key: 'app.validation.date_time' },
  { pattern: /^must be in the future$/, key: 'app.validation.in_future' },
  { pattern: /^is required for a recurring schedule$/, key: 'app.validation.rrule_required' },
  { pattern: /^has no occurrence in the future$/, key: 'app.validation.rrule_no_future' },
  { pattern: /^cannot be parsed/, key: 'app.validation.rrule_invalid' },
  {
    pattern: /^must be a published campaign of this channel$/,
    key: 'app.validation.published_campaign',
  },
  {
    pattern: /^must be a subscribe calendar of this channel$/,
    key: 'app.validation.channel_calendar',
  },
  { pattern: /^must be an audience of this channel$/, key: 'app.validation.channel_audience' },
  { pattern: /^friends mode needs a sender account$/, key: 'app.validation.sender_required' },
  { pattern: /^must be a recipient of this channel$/, key: 'app.validation.channel_recipient' },
  // Users (libs/accounts/src/users.service.ts, password-policy.ts).
  { pattern: /^is too easy to guess/, key: 'app.validation.password_weak' },
  {
    pattern: /^only an admin of every channel of this user can change it$/,
    key: 'app.validation.account_wide',
  },
  {
    pattern: /^is required to change your own password$/,
    key: 'app.validation.current_password_required',
  },
  {
    pattern: /^does not match your current password$/,
    key: 'app.validation.current_password_wrong',
  },
  {
    pattern: /^friends mode takes at most (\d+) recipients$/,
    key: 'app.validation.friends_max',
    args: (m) => ({ max: Number(m[1]) }),
  },
  // Any text field, and the uploaded file's name (libs/common/src/request-input.ts).
  { pattern: /must not contain NUL characters$/, key: 'app.validation.no_nul' },
  { pattern: /must be valid Unicode text$/, key: 'app.validation.unicode_text' },
  // Webhook targets the operator's egress policy refuses (libs/webhooks/src/webhook-egress.ts).
  {
    pattern: /^must not point at a private or local address$/,
    key: 'app.validation.private_target',
  },
  // CSV uploads (libs/recipients/src/csv-upload.ts).
  { pattern: /^the multipart body is incomplete$/, key: 'app.validation.multipart_incomplete' },
  // class-validator's @Max (e.g. an image width).
  {
    pattern: /must not be greater than (-?\d+)$/,
    key: 'app.validation.at_most_number',
    args: (m) => ({ max: Number(m[1]) }),
  },
];

// react-admin's ValidationError reads messages with arguments in this form and translates them.
const RA_MESSAGE_PREFIX = '@@react-admin@@';

/** One reason as react-admin's input error: a translation key with its arguments when known. */
export function translatableReason(reason: string): string {
  for (const { pattern, key, args } of REASONS) {
    const match = pattern.exec(reason);
    if (match) {
      return `${RA_MESSAGE_PREFIX}${JSON.stringify({ message: key, args: { _: reason, ...(args?.(match) ?? {}) } })}`;
    }
  }
  return reason;
}

export function translatableFieldErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, reason]) => [field, translatableReason(reason)]),
  );
}

/** The notification text of a failed call: a translation key for known codes, else the API's words. */
export function errorMessage(envelope: ErrorEnvelope): string {
  return isTranslatedErrorCode(envelope.code) ? errorMessageKey(envelope.code) : envelope.message;
}
