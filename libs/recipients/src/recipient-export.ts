import { DateTime } from 'luxon';

import { type RecipientEntity } from './recipient.entity';

/** Languages of the export's header row. */
export type ExportLanguage = 'ko' | 'en';

/** Korean when the caller's first preferred language is Korean, else English. */
export function exportLanguage(acceptLanguage: string | undefined): ExportLanguage {
  return acceptLanguage?.trim().toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

type Column =
  | 'kakaoUserId'
  | 'nickname'
  | 'consentState'
  | 'channelRelation'
  | 'tags'
  | 'timeZone'
  | 'attributes'
  | 'optedInAt'
  | 'lastDeliveredAt'
  | 'createdAt';

const COLUMNS: readonly Column[] = [
  'kakaoUserId',
  'nickname',
  'consentState',
  'channelRelation',
  'tags',
  'timeZone',
  'attributes',
  'optedInAt',
  'lastDeliveredAt',
  'createdAt',
];

const DATE_COLUMNS = new Set<Column>(['optedInAt', 'lastDeliveredAt', 'createdAt']);

const HEADERS: Record<ExportLanguage, Record<Column, string>> = {
  en: {
    kakaoUserId: 'Kakao user id',
    nickname: 'Nickname',
    consentState: 'Consent',
    channelRelation: 'Channel relation',
    tags: 'Tags',
    timeZone: 'Time zone',
    attributes: 'Attributes',
    optedInAt: 'Opted in',
    lastDeliveredAt: 'Last delivered',
    createdAt: 'Registered',
  },
  ko: {
    kakaoUserId: '카카오 사용자 ID',
    nickname: '닉네임',
    consentState: '수신 동의',
    channelRelation: '채널 관계',
    tags: '태그',
    timeZone: '시간대',
    attributes: '속성',
    optedInAt: '수신 동의 시각',
    lastDeliveredAt: '마지막 발송',
    createdAt: '등록 시각',
  },
};

/** A field as CSV: quoted when needed; a leading formula character is defused for spreadsheets. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function when(date: Date | null, timeZone: string): string {
  return date ? DateTime.fromJSDate(date).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss') : '';
}

function valueOf(recipient: RecipientEntity, column: Column, timeZone: string): string {
  switch (column) {
    case 'kakaoUserId':
      return recipient.kakaoUserId;
    case 'nickname':
      return recipient.nickname ?? '';
    case 'consentState':
      return recipient.consentState;
    case 'channelRelation':
      return recipient.channelRelation;
    case 'tags':
      // The separator recipient imports read back.
      return recipient.tags.join('|');
    case 'timeZone':
      return recipient.timeZone ?? '';
    case 'attributes':
      return Object.keys(recipient.attributes).length === 0
        ? ''
        : JSON.stringify(recipient.attributes);
    case 'optedInAt':
      return when(recipient.optedInAt, timeZone);
    case 'lastDeliveredAt':
      return when(recipient.lastDeliveredAt, timeZone);
    case 'createdAt':
      return when(recipient.createdAt, timeZone);
  }
}

/**
 * The header row, in the caller's language with the zone named on date columns, for the
 * recipients export. Rows follow from `recipientCsvRows`; the file starts with a BOM so
 * spreadsheet programs read UTF-8 (Korean nicknames) correctly.
 */
export function recipientCsvHeader(language: ExportLanguage, timeZone: string): string {
  const headers = COLUMNS.map((column) =>
    DATE_COLUMNS.has(column)
      ? `${HEADERS[language][column]} (${timeZone})`
      : HEADERS[language][column],
  );
  return `\uFEFF${headers.map(cell).join(',')}\r\n`;
}

export function recipientCsvRows(recipients: RecipientEntity[], timeZone: string): string {
  return recipients
    .map((recipient) =>
      COLUMNS.map((column) => cell(valueOf(recipient, column, timeZone))).join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
