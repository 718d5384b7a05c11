import { useTranslate } from 'react-admin';

type Args = Record<string, string | number>;

/** A reason the API wrote (in English, fixed wording), as a translation key and its values. */
export interface ImportReason {
  key: string;
  args: Args;
}

interface Pattern {
  pattern: RegExp;
  key: string;
  args?: (match: RegExpExecArray) => Args;
}

// The wording of libs/recipients (the import job, the row and header checks, tag rules). A text
// without a pattern is shown as the API wrote it.
const PATTERNS: readonly Pattern[] = [
  {
    pattern: /^no recipient with kakao_user_id (.+) in this channel$/,
    key: 'app.import.reasons.unknown_recipient',
    args: (m) => ({ id: m[1] ?? '' }),
  },
  {
    pattern: /^expected (\d+) columns, found (\d+)$/,
    key: 'app.import.reasons.column_count',
    args: (m) => ({ expected: Number(m[1]), found: Number(m[2]) }),
  },
  { pattern: /^kakao_user_id is empty$/, key: 'app.import.reasons.id_empty' },
  {
    pattern: /^kakao_user_id "(.*)" is not a Kakao user id \(digits\)$/,
    key: 'app.import.reasons.id_not_digits',
    args: (m) => ({ value: m[1] ?? '' }),
  },
  {
    pattern: /^time_zone "(.*)" is not an IANA time zone$/,
    key: 'app.import.reasons.time_zone',
    args: (m) => ({ value: m[1] ?? '' }),
  },
  {
    pattern: /^tag "(.*)" must be 1-(\d+) characters without \| or ,$/,
    key: 'app.import.reasons.tag',
    args: (m) => ({ tag: m[1] ?? '', max: Number(m[2]) }),
  },
  {
    pattern: /^at most (\d+) tags$/,
    key: 'app.import.reasons.tags_max',
    args: (m) => ({ max: Number(m[1]) }),
  },
  { pattern: /^every tag must be text$/, key: 'app.import.reasons.tag_text' },
  {
    pattern: /^(.+) is longer than (\d+) characters$/,
    key: 'app.import.reasons.value_too_long',
    args: (m) => ({ name: m[1] ?? '', max: Number(m[2]) }),
  },
  {
    pattern: /^the row is longer than (\d+) bytes/,
    key: 'app.import.reasons.row_too_long',
    args: (m) => ({ max: Number(m[1]) }),
  },
  {
    pattern: /^column "(.*)" appears twice$/,
    key: 'app.import.reasons.column_twice',
    args: (m) => ({ name: m[1] ?? '' }),
  },
  {
    pattern: /^column "(.*)" is not an attribute name/,
    key: 'app.import.reasons.column_name',
    args: (m) => ({ name: m[1] ?? '' }),
  },
  { pattern: /^a kakao_user_id column is required$/, key: 'app.import.reasons.id_column' },
  {
    pattern: /^at most (\d+) attribute columns$/,
    key: 'app.import.reasons.attribute_columns',
    args: (m) => ({ max: Number(m[1]) }),
  },
  { pattern: /^nothing to import/, key: 'app.import.reasons.nothing_to_import' },
  { pattern: /^the file is not valid UTF-8/, key: 'app.import.reasons.not_utf8' },
  { pattern: /^the file has no header row$/, key: 'app.import.reasons.no_header' },
  {
    pattern: /^not valid CSV: (.*)$/,
    key: 'app.import.reasons.not_csv',
    args: (m) => ({ detail: m[1] ?? '' }),
  },
  { pattern: /^(The file is empty|is empty)$/, key: 'app.import.reasons.file_empty' },
  {
    pattern: /^(?:The file is larger than (\d+) bytes|is too large)$/,
    key: 'app.import.reasons.file_too_large',
  },
];

/** Reasons that wrap another: `tags: <reason>`, `header (row 1): <reason>`, `could not be written: …`. */
const WRAPPERS: readonly { pattern: RegExp; key: string; args?: (m: RegExpExecArray) => Args }[] = [
  { pattern: /^tags: (.+)$/, key: 'app.import.reasons.in_tags' },
  {
    pattern: /^header \(row (\d+)\): (.+)$/,
    key: 'app.import.reasons.in_header',
    args: (m) => ({ row: Number(m[1]) }),
  },
  { pattern: /^could not be written: (.+)$/, key: 'app.import.reasons.not_written' },
  { pattern: /^retrying after: (.+)$/, key: 'app.import.reasons.retrying' },
];

/** The reason's translation key and values, or null when it has no known wording. */
export function importReason(text: string): ImportReason | null {
  for (const { pattern, key, args } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      return { key, args: args?.(match) ?? {} };
    }
  }
  return null;
}

/** The reason in the reader's language; an unknown wording stays as the API wrote it. */
export function translateImportReason(
  text: string,
  translate: (key: string, args?: Args) => string,
): string {
  for (const { pattern, key, args } of WRAPPERS) {
    const match = pattern.exec(text);
    if (match) {
      const inner = match[match.length - 1] ?? '';
      return translate(key, {
        ...(args?.(match) ?? {}),
        reason: translateImportReason(inner, translate),
      });
    }
  }
  const known = importReason(text);
  return known ? translate(known.key, known.args) : text;
}

export function useImportReason(): (text: string) => string {
  const translate = useTranslate();
  return (text) => translateImportReason(text, translate);
}

/** The cells of one CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function csvCell(value: string): string {
  // As the API does: a spreadsheet must not read a cell as a formula.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The error report (`row,kakao_user_id,reason`) with its header and reasons in the reader's
 * language; the cells the API wrote are kept as they are (it already neutralised formulas).
 */
export function translateErrorReport(
  csv: string,
  translate: (key: string, args?: Args) => string,
): string {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  if (!header || header.join(',') !== 'row,kakao_user_id,reason') {
    return csv;
  }
  const heading = ['row', 'kakao_user_id', 'reason'].map((column) =>
    translate(`app.import.report.${column}`),
  );
  const lines = [
    heading,
    ...rows.map(([row = '', id = '', reason = '']) => [
      row,
      id,
      translateImportReason(reason, translate),
    ]),
  ];
  // A byte-order mark lets Excel open the Korean text as UTF-8.
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
