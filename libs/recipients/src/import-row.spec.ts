import { csvCell, type ImportHeader, parseImportHeader, parseImportRow } from './import-row';
import { ImportKind } from './recipient.enums';

function header(cells: string[], kind = ImportKind.RecipientFields): ImportHeader {
  const parsed = parseImportHeader(cells, kind);
  if (!parsed.ok) {
    throw new Error(parsed.reason);
  }
  return parsed.value;
}

describe('CSV import header', () => {
  it('finds the known columns and takes the others as attributes', () => {
    expect(header(['kakao_user_id', 'tags', 'time_zone', 'city', 'attributes.vip'])).toEqual({
      kakaoUserId: 0,
      tags: 1,
      timeZone: 2,
      attributes: [
        { index: 3, key: 'city' },
        { index: 4, key: 'vip' },
      ],
      columns: 5,
    });
  });

  it.each([
    [['tags', 'city'], 'a kakao_user_id column is required'],
    [['kakao_user_id'], 'nothing to import'],
    [['kakao_user_id', 'city', 'City'], 'appears twice'],
    [['kakao_user_id', 'home town'], 'is not an attribute name'],
    [['kakao_user_id', '1st'], 'is not an attribute name'],
  ])('refuses %j', (cells, reason) => {
    const parsed = parseImportHeader(cells, ImportKind.RecipientFields);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });

  it('reads only kakao_user_id for member lists, whatever else the file has', () => {
    expect(header(['name', 'kakao_user_id', 'home town'], ImportKind.AudienceMembers)).toEqual({
      kakaoUserId: 1,
      tags: null,
      timeZone: null,
      attributes: [],
      columns: 3,
    });
  });
});

describe('CSV import rows', () => {
  const columns = header(['kakao_user_id', 'tags', 'time_zone', 'age', 'zip', 'vip']);

  it('checks and converts a good row', () => {
    expect(
      parseImportRow(columns, [
        '1234567890',
        'seoul| vip |seoul',
        'asia/seoul',
        '31',
        '01234',
        'true',
      ]),
    ).toEqual({
      ok: true,
      value: {
        kakaoUserId: '1234567890',
        tags: ['seoul', 'vip'],
        timeZone: 'Asia/Seoul',
        attributes: { age: 31, zip: '01234', vip: true },
      },
    });
  });

  it('leaves empty cells unchanged (null), not cleared', () => {
    expect(parseImportRow(columns, ['42', '', '', '', '', ''])).toEqual({
      ok: true,
      value: { kakaoUserId: '42', tags: null, timeZone: null, attributes: null },
    });
  });

  it.each([
    [['', 'a', '', '', '', ''], 'kakao_user_id is empty'],
    [['abc', '', '', '', '', ''], 'is not a Kakao user id'],
    [['0123', '', '', '', '', ''], 'is not a Kakao user id'],
    [['42', '', 'Mars/Base', '', '', ''], 'is not an IANA time zone'],
    [['42', 'a,b', '', '', '', ''], 'tags:'],
    [['42', 'x'.repeat(51), '', '', '', ''], 'tags:'],
    [['42', '', '', '', ''], 'expected 6 columns, found 5'],
    [['42', '', '', 'y'.repeat(501), '', ''], 'longer than 500'],
  ])('rejects %j', (cells, reason) => {
    const parsed = parseImportRow(columns, cells);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1+1', "'-1+1"],
    [null, ''],
    [12, '12'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
