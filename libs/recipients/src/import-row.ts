import { canonicalTimeZone } from '@app/channels';

import {
  ATTRIBUTE_KEY,
  type Checked,
  FIELD_LIMITS,
  KAKAO_USER_ID,
  normalizeTags,
  parseAttributeCell,
} from './recipient-fields';
import { type AttributeValue } from './recipient.entity';
import { ImportKind } from './recipient.enums';

/** Where each known column sits in the file. */
export interface ImportHeader {
  kakaoUserId: number;
  tags: number | null;
  timeZone: number | null;
  attributes: { index: number; key: string }[];
  columns: number;
}

/** A checked row, ready for the staging table (null: leave the stored value as it is). */
export interface ImportRow {
  kakaoUserId: string;
  tags: string[] | null;
  timeZone: string | null;
  attributes: Record<string, AttributeValue> | null;
}

const KAKAO_ID_NAMES = new Set(['kakao_user_id', 'kakaouserid', 'user_id']);
const TAG_SEPARATOR = '|';

/**
 * Reads the header line. `kakao_user_id` is required; for tag/attribute imports the other
 * columns are `tags` (separated by |), `time_zone`, and attributes (any other identifier,
 * optionally written `attributes.<name>`). Member lists only read `kakao_user_id`.
 */
export function parseImportHeader(
  cells: readonly string[],
  kind: ImportKind,
): Checked<ImportHeader> {
  const header: ImportHeader = {
    kakaoUserId: -1,
    tags: null,
    timeZone: null,
    attributes: [],
    columns: cells.length,
  };
  const seen = new Set<string>();
  for (const [index, raw] of cells.entries()) {
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (seen.has(lower)) {
      return { ok: false, reason: `column "${name}" appears twice` };
    }
    seen.add(lower);
    if (KAKAO_ID_NAMES.has(lower)) {
      header.kakaoUserId = index;
    } else if (kind === ImportKind.AudienceMembers) {
      continue;
    } else if (lower === 'tags') {
      header.tags = index;
    } else if (lower === 'time_zone' || lower === 'timezone') {
      header.timeZone = index;
    } else {
      const key = name.startsWith('attributes.') ? name.slice('attributes.'.length) : name;
      if (!ATTRIBUTE_KEY.test(key)) {
        return {
          ok: false,
          reason: `column "${name}" is not an attribute name (letters, digits and _, starting with a letter or _)`,
        };
      }
      header.attributes.push({ index, key });
    }
  }
  if (header.kakaoUserId < 0) {
    return { ok: false, reason: 'a kakao_user_id column is required' };
  }
  if (header.attributes.length > FIELD_LIMITS.attributesPerRecipient) {
    return {
      ok: false,
      reason: `at most ${FIELD_LIMITS.attributesPerRecipient} attribute columns`,
    };
  }
  if (
    kind === ImportKind.RecipientFields &&
    header.tags === null &&
    header.timeZone === null &&
    header.attributes.length === 0
  ) {
    return { ok: false, reason: 'nothing to import: add tags, time_zone or attribute columns' };
  }
  return { ok: true, value: header };
}

/** Checks one data row against the header; the reason is what the errors report shows. */
export function parseImportRow(header: ImportHeader, cells: readonly string[]): Checked<ImportRow> {
  if (cells.length !== header.columns) {
    return { ok: false, reason: `expected ${header.columns} columns, found ${cells.length}` };
  }
  const kakaoUserId = (cells[header.kakaoUserId] ?? '').trim();
  if (!KAKAO_USER_ID.test(kakaoUserId)) {
    return {
      ok: false,
      reason:
        kakaoUserId === ''
          ? 'kakao_user_id is empty'
          : `kakao_user_id "${kakaoUserId.slice(0, 40)}" is not a Kakao user id (digits)`,
    };
  }
  const row: ImportRow = { kakaoUserId, tags: null, timeZone: null, attributes: null };
  if (header.tags !== null) {
    const cell = (cells[header.tags] ?? '').trim();
    if (cell !== '') {
      const tags = normalizeTags(cell.split(TAG_SEPARATOR));
      if (!tags.ok) {
        return { ok: false, reason: `tags: ${tags.reason}` };
      }
      row.tags = tags.value;
    }
  }
  if (header.timeZone !== null) {
    const cell = (cells[header.timeZone] ?? '').trim();
    if (cell !== '') {
      const zone = canonicalTimeZone(cell);
      if (zone === null) {
        return { ok: false, reason: `time_zone "${cell.slice(0, 64)}" is not an IANA time zone` };
      }
      row.timeZone = zone;
    }
  }
  for (const { index, key } of header.attributes) {
    const cell = (cells[index] ?? '').trim();
    if (cell === '') {
      continue;
    }
    if (cell.length > FIELD_LIMITS.attributeValueLength) {
      return {
        ok: false,
        reason: `${key} is longer than ${FIELD_LIMITS.attributeValueLength} characters`,
      };
    }
    row.attributes = { ...row.attributes, [key]: parseAttributeCell(cell) };
  }
  return { ok: true, value: row };
}

/** A CSV cell of a report: quoted when needed, and never read as a formula by spreadsheets. */
export function csvCell(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
