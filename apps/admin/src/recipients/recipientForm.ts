import { type AttributeValue, type Recipient, type RecipientUpdate } from '@admin/recipients/types';

export const ATTRIBUTE_TYPES = ['text', 'number', 'boolean'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** One attribute as the form edits it: a name, a type and the value as typed. */
export interface AttributeRow {
  name: string;
  type: AttributeType;
  value: string;
}

/**
 * What the recipient form edits: tags, attributes (as rows, under the API's field name so its
 * errors land there) and the time zone (empty: the channel's).
 */
export interface RecipientFormValues {
  id: string;
  version: number;
  tags: string[];
  attributes: AttributeRow[];
  timeZone: string | null;
}

/** Attribute names the API accepts (ATTRIBUTE_KEY in libs/recipients). */
export const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const ATTRIBUTE_VALUE_MAX = 500;

export function attributeRowOf(name: string, value: AttributeValue): AttributeRow {
  return {
    name,
    type: typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text',
    value: String(value),
  };
}

export function recipientToForm(recipient: Recipient): RecipientFormValues {
  return {
    id: recipient.id,
    version: recipient.version,
    tags: [...recipient.tags],
    attributes: Object.entries(recipient.attributes).map(([name, value]) =>
      attributeRowOf(name, value),
    ),
    timeZone: recipient.timeZone,
  };
}

/** A row's value as the API stores it: numbers and true/false keep their type. */
export function attributeValueOf(row: AttributeRow): AttributeValue {
  switch (row.type) {
    case 'number':
      return Number(row.value.trim());
    case 'boolean':
      return row.value === 'true';
    case 'text':
      return row.value;
  }
}

/** What is wrong with a row's value (a translation key), if anything. */
export function attributeValueProblem(row: AttributeRow | undefined): string | undefined {
  if (!row) {
    return undefined;
  }
  switch (row.type) {
    case 'number':
      return row.value.trim() !== '' && Number.isFinite(Number(row.value.trim()))
        ? undefined
        : 'app.recipient.problems.number';
    case 'boolean':
      return row.value === 'true' || row.value === 'false'
        ? undefined
        : 'app.recipient.problems.boolean';
    case 'text':
      return row.value.length <= ATTRIBUTE_VALUE_MAX
        ? undefined
        : 'app.recipient.problems.text_long';
  }
}

/** What is wrong with a row's name (a translation key), given every row of the form. */
export function attributeNameProblem(
  name: string,
  rows: readonly AttributeRow[],
): string | undefined {
  const trimmed = name.trim();
  if (!ATTRIBUTE_NAME.test(trimmed)) {
    return 'app.recipient.problems.attribute_name';
  }
  return rows.filter((row) => row.name.trim() === trimmed).length > 1
    ? 'app.recipient.problems.attribute_duplicate'
    : undefined;
}

/** `PUT /api/recipients/:id`: tags, attributes as a whole, time zone, and the version. */
export function formToRecipientUpdate(values: RecipientFormValues): RecipientUpdate {
  return {
    version: values.version,
    tags: [...new Set(values.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    attributes: Object.fromEntries(
      (values.attributes ?? []).map((row) => [row.name.trim(), attributeValueOf(row)]),
    ),
    timeZone: values.timeZone ? values.timeZone : null,
  };
}
