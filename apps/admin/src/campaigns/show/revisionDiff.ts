import { reminderLabel } from '@admin/campaigns/reminders';
import { type FieldChange } from '@admin/campaigns/types';

type Translate = (key: string, options?: Record<string, unknown>) => string;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One row per field a person recognises: a changed place, banner or target becomes a row per
 * changed part (`content.location.name`, ...), each with its own label, instead of one JSON blob.
 */
export function diffRows(changes: FieldChange[]): FieldChange[] {
  return changes.flatMap((change) => {
    const { before, after } = change;
    if (!isPlainObject(before ?? {}) || !isPlainObject(after ?? {})) {
      return [change];
    }
    const left = (before ?? {}) as Record<string, unknown>;
    const right = (after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    const rows = diffRows(
      keys
        .filter((key) => JSON.stringify(left[key] ?? null) !== JSON.stringify(right[key] ?? null))
        .map((key) => ({
          field: `${change.field}.${key}`,
          before: left[key] ?? null,
          after: right[key] ?? null,
        })),
    );
    return rows.length > 0 ? rows : [change];
  });
}

/** The label of a diff row in the UI's language (the form's label of that field). */
export function fieldLabel(field: string, translate: Translate): string {
  const label = translate(`resources.campaigns.fields.${field}`, { _: field });
  // A key that names a group of fields answers the group, not a text.
  return typeof label === 'string' ? label : field;
}

export interface ValueContext {
  translate: Translate;
  formatInstant: (iso: string) => string;
  allDay: boolean;
}

/**
 * A changed value as a person reads it: times in the channel's zone, yes/no, colours and
 * reminders in words; `undefined` when it has no plainer form than the value itself.
 */
export function readableValue(
  field: string,
  value: unknown,
  context: ValueContext,
): string | undefined {
  const { translate } = context;
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  if ((field === 'content.startsAt' || field === 'content.endsAt') && typeof value === 'string') {
    return context.formatInstant(value);
  }
  if (typeof value === 'boolean') {
    return translate(value ? 'app.common.yes' : 'app.common.no');
  }
  if (field === 'content.color' && typeof value === 'string') {
    return translate(`app.enums.color.${value}`, { _: value });
  }
  if (field === 'content.reminders' && Array.isArray(value)) {
    return value
      .filter((minutes): minutes is number => typeof minutes === 'number')
      .map((minutes) => reminderLabel(minutes, context.allDay, translate))
      .join(', ');
  }
  if (field === 'tags' && Array.isArray(value)) {
    return value.join(', ');
  }
  if (field === 'target.kind' && typeof value === 'string') {
    return translate(`app.enums.targetKind.${value}`, { _: value });
  }
  return undefined;
}

/** Which revisions the approve dialog compares: the last approved one against the submitted one. */
export function approvalDiffRange(campaign: {
  approvedRevision: number | null;
  submittedRevision: number | null;
  revision: number;
}): { from: number; to: number } | null {
  const to = campaign.submittedRevision ?? campaign.revision;
  const from = campaign.approvedRevision;
  return from === null || from === to ? null : { from, to };
}
