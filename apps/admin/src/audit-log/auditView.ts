import { describeRrule, type Translate } from '@admin/campaigns/recurrence';
import { reminderLabel } from '@admin/campaigns/reminders';
import { formatInstant } from '@admin/time/zonedTime';

/** Where an audited record lives in the console, if it has a page of its own. */
export interface AuditTarget {
  resource: string;
  link: 'show' | 'edit' | false;
}

/**
 * Records the API can list by id (`filter={"id":[…]}`): a row whose snapshot holds no name asks
 * for them, batched, and names them by this field.
 */
export const LOOKUP_NAME: Record<string, string> = {
  campaign: 'name',
  audience: 'name',
  user: 'email',
  channel: 'name',
  recipient: 'nickname',
};

export const AUDIT_TARGETS: Record<string, AuditTarget> = {
  campaign: { resource: 'campaigns', link: 'show' },
  audience: { resource: 'audiences', link: 'show' },
  recipient: { resource: 'recipients', link: 'show' },
  recipient_import: { resource: 'recipient-imports', link: false },
  user: { resource: 'users', link: 'edit' },
  channel: { resource: 'channels', link: 'edit' },
  webhook: { resource: 'webhooks', link: 'show' },
  webhook_delivery: { resource: 'webhook-deliveries', link: false },
  blast: { resource: 'blasts', link: 'show' },
  ingest_key: { resource: 'ingest-keys', link: false },
};

/** Bookkeeping every save touches, or text the server derives from another field shown here. */
const HIDDEN_FIELDS = new Set([
  'id',
  'channelId',
  'version',
  'createdAt',
  'updatedAt',
  'recurrenceText',
]);

/** Fields whose values are one of the console's enums (`app.enums.<enum>.<value>`). */
const ENUM_FIELDS: Record<string, string> = {
  approvalState: 'approvalState',
  syncState: 'syncState',
  kakaoState: 'kakaoState',
  role: 'role',
  consentState: 'consentState',
  channelRelation: 'channelRelation',
  deliveryMode: 'deliveryMode',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface AuditChange {
  /** Dotted path of the changed field (`content.location.name`). */
  path: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The fields an audit row changed, nested objects opened up to their own fields (a new place
 * name shows as "Place name", not as a JSON blob), bookkeeping left out.
 */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  prefix = '',
): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].flatMap((key) => {
    if (!prefix && HIDDEN_FIELDS.has(key)) {
      return [];
    }
    const path = prefix ? `${prefix}.${key}` : key;
    const a = before?.[key];
    const b = after?.[key];
    if (same(a, b)) {
      return [];
    }
    const absent = (value: unknown): boolean => value === null || value === undefined;
    if ((isPlainObject(a) || absent(a)) && (isPlainObject(b) || absent(b)) && (a || b)) {
      const nested = auditChanges(isPlainObject(a) ? a : null, isPlainObject(b) ? b : null, path);
      // Objects without own fields changed (e.g. one emptied) still show as a whole.
      return nested.length > 0 ? nested : [{ path, before: a, after: b }];
    }
    return [{ path, before: a, after: b }];
  });
}

/**
 * A field's label from the resource's own field names, then the audit log's own (fields no form
 * shows, such as the approved revision); the path itself when there is none.
 */
export function auditFieldLabel(entityType: string, path: string, translate: Translate): string {
  const resource = AUDIT_TARGETS[entityType]?.resource ?? entityType;
  return translate(`resources.${resource}.fields.${path}`, {
    _: translate(`app.audit.fields.${path}`, { _: path }),
  });
}

export interface ValueContext {
  translate: Translate;
  locale: string;
  timeZone: string;
  /** The whole snapshot the value belongs to, for values read with another (all-day reminders). */
  snapshot: Record<string, unknown> | null;
}

function valueAt(snapshot: Record<string, unknown> | null, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), snapshot);
}

/**
 * A value as a person reads it: enums and yes/no in words, instants in the channel's zone,
 * repeat rules and reminders in sentences; other objects stay JSON (null when shown as such).
 */
export function auditValueText(path: string, value: unknown, context: ValueContext): string | null {
  const { translate, locale, timeZone } = context;
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const field = path.split('.').pop() ?? path;
  if (typeof value === 'boolean') {
    return translate(value ? 'app.common.yes' : 'app.common.no');
  }
  if (typeof value === 'string') {
    const enumName = ENUM_FIELDS[field];
    if (enumName) {
      return translate(`app.enums.${enumName}.${value}`, { _: value });
    }
    if (field === 'rrule') {
      const startsAt =
        valueAt(context.snapshot, 'content.startsAt') ?? valueAt(context.snapshot, 'startsAt');
      const startDate = typeof startsAt === 'string' ? startsAt.slice(0, 10) : undefined;
      return describeRrule(value, { translate, locale, startDate });
    }
    if (ISO_INSTANT.test(value)) {
      return translate('app.time.in_zone', {
        time: formatInstant(value, timeZone, locale, { dateStyle: 'medium', timeStyle: 'medium' }),
        zone: timeZone,
      });
    }
    return value;
  }
  if (typeof value === 'number') {
    return value.toLocaleString(locale);
  }
  if (Array.isArray(value)) {
    if (field === 'reminders' && value.every((item) => typeof item === 'number')) {
      const allDay = valueAt(context.snapshot, 'content.allDay') === true;
      return value.map((minutes) => reminderLabel(minutes, allDay, translate)).join(', ');
    }
    if (value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return value.length > 0 ? value.join(', ') : '—';
    }
    return null;
  }
  if (isPlainObject(value) && typeof value.message === 'string' && Object.keys(value).length <= 2) {
    // `lastError: { code, message }`.
    return value.message;
  }
  return null;
}

/** What names the record in a snapshot (its name, title, email, address …), if anything. */
export function auditTargetName(entry: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}): string | null {
  for (const snapshot of [entry.after, entry.before]) {
    if (!snapshot) {
      continue;
    }
    for (const key of ['name', 'title', 'email', 'displayName', 'nickname', 'url', 'fileName']) {
      const value = snapshot[key];
      if (typeof value === 'string' && value.trim()) {
        return value;
      }
    }
    const title = valueAt(snapshot, 'content.title');
    if (typeof title === 'string' && title.trim()) {
      return title;
    }
  }
  return null;
}
