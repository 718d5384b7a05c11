import { ValidateBy, type ValidationOptions } from 'class-validator';

import { type AttributeValue } from './recipient.entity';

/** Limits shared by the API, the ingest API and CSV imports. */
export const FIELD_LIMITS = {
  tagsPerRecipient: 50,
  tagLength: 50,
  attributesPerRecipient: 100,
  attributeValueLength: 500,
} as const;

/** Attribute names: identifiers, so rules and CSV headers can name them unambiguously. */
export const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A Kakao user id (a Long) as text. */
export const KAKAO_USER_ID = /^[1-9]\d{0,19}$/;

// Tags may hold letters of any script and spaces, but not the CSV list separator or commas.
const TAG = /^[^|,\s](?:[^|,]*[^|,\s])?$/u;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Trims, drops duplicates and sorts; the reason names the first bad tag. */
export function normalizeTags(value: unknown): Checked<string[]> {
  if (!Array.isArray(value)) {
    return { ok: false, reason: 'must be a list of tags' };
  }
  const tags = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string') {
      return { ok: false, reason: 'every tag must be text' };
    }
    const tag = item.trim();
    if (tag.length === 0 || tag.length > FIELD_LIMITS.tagLength || !TAG.test(tag)) {
      return {
        ok: false,
        reason: `tag "${tag}" must be 1-${FIELD_LIMITS.tagLength} characters without | or ,`,
      };
    }
    tags.add(tag);
  }
  if (tags.size > FIELD_LIMITS.tagsPerRecipient) {
    return { ok: false, reason: `at most ${FIELD_LIMITS.tagsPerRecipient} tags` };
  }
  return { ok: true, value: [...tags].sort() };
}

/** Checks an attributes object: identifier keys, scalar values of bounded size. */
export function checkAttributes(value: unknown): Checked<Record<string, AttributeValue>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'must be an object of name → value' };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > FIELD_LIMITS.attributesPerRecipient) {
    return { ok: false, reason: `at most ${FIELD_LIMITS.attributesPerRecipient} attributes` };
  }
  const out: Record<string, AttributeValue> = {};
  for (const [key, item] of entries) {
    if (!ATTRIBUTE_KEY.test(key)) {
      return {
        ok: false,
        reason: `attribute name "${key}" must start with a letter or _ and hold only letters, digits and _ (at most 64)`,
      };
    }
    if (typeof item === 'string') {
      if (item.length > FIELD_LIMITS.attributeValueLength) {
        return {
          ok: false,
          reason: `attribute ${key} is longer than ${FIELD_LIMITS.attributeValueLength} characters`,
        };
      }
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) {
        return { ok: false, reason: `attribute ${key} must be a finite number` };
      }
    } else if (typeof item !== 'boolean') {
      return { ok: false, reason: `attribute ${key} must be text, a number or true/false` };
    }
    out[key] = item;
  }
  return { ok: true, value: out };
}

const DECIMAL = /^-?(0|[1-9]\d{0,14})(\.\d{1,10})?$/;

/**
 * A CSV cell as an attribute value: `true`/`false` become booleans, plain decimals numbers (so
 * rules can compare them), anything else stays text. `007` stays text: leading zeros matter.
 */
export function parseAttributeCell(cell: string): AttributeValue {
  if (cell === 'true' || cell === 'false') {
    return cell === 'true';
  }
  if (DECIMAL.test(cell)) {
    return Number(cell);
  }
  return cell;
}

/** class-validator: tags as `normalizeTags` accepts them. */
export function IsTagList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTagList',
      validator: {
        validate: (value: unknown) => normalizeTags(value).ok,
        defaultMessage: (args) => {
          const checked = normalizeTags(args?.value);
          return checked.ok ? '' : `$property: ${checked.reason}`;
        },
      },
    },
    options,
  );
}

/** class-validator: attributes as `checkAttributes` accepts them. */
export function IsAttributes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAttributes',
      validator: {
        validate: (value: unknown) => checkAttributes(value).ok,
        defaultMessage: (args) => {
          const checked = checkAttributes(args?.value);
          return checked.ok ? '' : `$property: ${checked.reason}`;
        },
      },
    },
    options,
  );
}
