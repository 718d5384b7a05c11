import { exportLanguage, recipientCsvHeader, recipientCsvRows } from './recipient-export';
import { type RecipientEntity } from './recipient.entity';

const recipient = (patch: Partial<RecipientEntity>): RecipientEntity =>
  ({
    kakaoUserId: '1001',
    nickname: '김하늘',
    consentState: 'active',
    channelRelation: 'ADDED',
    tags: ['vip', 'seoul'],
    timeZone: null,
    attributes: {},
    optedInAt: new Date('2026-12-07T15:30:00.000Z'),
    lastDeliveredAt: null,
    createdAt: new Date('2026-12-07T15:30:00.000Z'),
    ...patch,
  }) as RecipientEntity;

describe('recipient CSV export', () => {
  it('reads the language from Accept-Language', () => {
    expect(exportLanguage('ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko');
    expect(exportLanguage('en-US')).toBe('en');
    expect(exportLanguage(undefined)).toBe('en');
  });

  it('starts with a BOM and names the zone on date columns', () => {
    const header = recipientCsvHeader('ko', 'Asia/Seoul');
    expect(header.startsWith('\uFEFF카카오 사용자 ID,닉네임,')).toBe(true);
    expect(header).toContain(',등록 시각 (Asia/Seoul)\r\n');
  });

  it('writes dates in the channel’s zone, quotes what needs it and defuses formulas', () => {
    const rows = recipientCsvRows(
      [
        recipient({}),
        recipient({ nickname: 'Kim, "Sky"', attributes: { age: 20 } }),
        recipient({ nickname: '=1+1', tags: [] }),
      ],
      'Asia/Seoul',
    ).split('\r\n');
    expect(rows[0]).toBe(
      '1001,김하늘,active,ADDED,vip|seoul,,,2026-12-08 00:30:00,,2026-12-08 00:30:00',
    );
    expect(rows[1]).toContain(',"Kim, ""Sky""",');
    expect(rows[1]).toContain(',"{""age"":20}",');
    expect(rows[2]).toContain(",'=1+1,");
  });
});
