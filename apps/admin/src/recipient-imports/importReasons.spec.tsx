import { render, screen } from '@testing-library/react';
import { AdminContext, type Identifier } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { en } from '@admin/i18n/en';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';
import { ko } from '@admin/i18n/ko';
import { ImportProgress } from '@admin/recipient-imports/ImportProgress';
import {
  parseCsv,
  translateErrorReport,
  translateImportReason,
} from '@admin/recipient-imports/importReasons';
import { type RecipientImport } from '@admin/recipient-imports/types';

type Args = Record<string, string | number>;

/** A translate function over one language's messages, as react-admin's polyglot does it. */
function translator(messages: object): (key: string, args?: Args) => string {
  return (key, args = {}) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    if (typeof text !== 'string') {
      throw new Error(`missing ${key}`);
    }
    return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(args[name] ?? ''));
  };
}

const korean = translator(ko);
const english = translator(en);

describe('import reasons', () => {
  it.each([
    [
      'no recipient with kakao_user_id 4012 in this channel',
      '이 채널에 카카오 사용자 ID가 4012인 수신자가 없습니다',
    ],
    ['kakao_user_id is empty', 'kakao_user_id가 비어 있습니다'],
    [
      'kakao_user_id "abc" is not a Kakao user id (digits)',
      'kakao_user_id는 숫자여야 합니다: "abc"',
    ],
    ['expected 3 columns, found 4', '열 개수가 맞지 않습니다 (3개여야 하는데 4개)'],
    [
      'time_zone "Mars/Base" is not an IANA time zone',
      'time_zone은 Asia/Seoul 같은 IANA 시간대여야 합니다: "Mars/Base"',
    ],
    ['tags: at most 20 tags', '태그: 태그는 최대 20개입니다'],
    [
      'header (row 1): a kakao_user_id column is required',
      '머리글 (1행): kakao_user_id 열이 있어야 합니다',
    ],
  ])('reads "%s" in Korean', (reason, text) => {
    expect(translateImportReason(reason, korean)).toBe(text);
  });

  it('tells a Korean Excel user how to save UTF-8', () => {
    const text = translateImportReason(
      'the file is not valid UTF-8 (in bytes 0-65536); save it as CSV UTF-8',
      korean,
    );
    expect(text).toContain('CSV UTF-8(쉼표로 분리)');
    expect(text).not.toMatch(/not valid/);
  });

  it('keeps a wording it does not know as the API wrote it', () => {
    expect(translateImportReason('something new went wrong', korean)).toBe(
      'something new went wrong',
    );
    expect(translateImportReason('could not be written: deadlock', english)).toBe(
      'Could not be written: deadlock',
    );
  });

  it('rewrites the error report in the reader’s language, keeping quoted cells whole', () => {
    const csv =
      'row,kakao_user_id,reason\r\n' +
      '2,999,no recipient with kakao_user_id 999 in this channel\r\n' +
      '3,"1,2","expected 2 columns, found 3"\r\n' +
      '4,\'=HYPERLINK(1),"kakao_user_id ""\'=HYPERLINK(1)"" is not a Kakao user id (digits)"\r\n';
    const report = translateErrorReport(csv, korean);
    const [header, ...rows] = parseCsv(report.slice(1));
    expect(report.startsWith('\uFEFF')).toBe(true);
    expect(header).toEqual(['행', '카카오 사용자 ID', '사유']);
    expect(rows).toEqual([
      ['2', '999', '이 채널에 카카오 사용자 ID가 999인 수신자가 없습니다'],
      ['3', '1,2', '열 개수가 맞지 않습니다 (2개여야 하는데 3개)'],
      ['4', "'=HYPERLINK(1)", 'kakao_user_id는 숫자여야 합니다: "\'=HYPERLINK(1)"'],
    ]);
    expect(translateErrorReport('something else\r\n', korean)).toBe('something else\r\n');
  });
});

describe('<ImportProgress> of a refused file', () => {
  function renderIn(locale: Locale, error: string) {
    const failed = {
      id: 'imp-1',
      state: 'failed',
      kind: 'recipient_fields',
      mode: 'merge',
      fileName: 'excel.csv',
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rowsApplied: 0,
      error,
    } as unknown as RecipientImport;
    const dataProvider = {
      getOne: (_resource: string, _params: { id: Identifier }) => Promise.resolve({ data: failed }),
    } as unknown as ConsoleDataProvider;
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider(locale)}>
        <ImportProgress importId="imp-1" />
      </AdminContext>,
    );
  }

  it('says why in Korean', async () => {
    renderIn('ko', 'the file is not valid UTF-8 (it ends inside a character)');
    const alert = await screen.findByTestId('import-error');
    expect(alert.textContent).toContain('파일이 UTF-8 텍스트가 아닙니다');
  });
});
