import { DateTime } from 'luxon';

/**
 * What the demo history holds: a few weeks of a fashion brand's channel. Pure data and a seeded
 * random source, so every fresh start tells the same story.
 */

export interface DemoCampaign {
  name: string;
  title: string;
  description: string;
  tags: string[];
  location: string;
  /** Days before today on which its blast went out. */
  sentDaysAgo: number;
  /** Hour of day (channel time) the blast went out. */
  sentHour: number;
  /** The audience the blast went to (a key of DEMO_AUDIENCES). */
  audience: DemoAudienceKey;
  /**
   * Shares of recipients who open the tracking link, who then follow on our landing page, and
   * who tap Kakao's own button.
   */
  rates: { click: number; landingFollow: number; kakaoFollow: number };
}

/** Share of those who open a tracking link who open it a second time. */
export const REOPEN_SHARE = 0.2;

export const DEMO_AUDIENCES = {
  everyone: {
    name: '전체 구독자 (Everyone)',
    rules: {
      combinator: 'and',
      children: [{ field: 'consentState', operator: 'eq', value: 'active' }],
    },
  },
  friends: {
    name: '채널 친구 (Channel friends)',
    rules: {
      combinator: 'and',
      children: [
        { field: 'consentState', operator: 'eq', value: 'active' },
        { field: 'channelRelation', operator: 'eq', value: 'ADDED' },
      ],
    },
  },
  seoul: {
    name: '서울 고객 (Seoul)',
    rules: {
      combinator: 'and',
      children: [
        { field: 'consentState', operator: 'eq', value: 'active' },
        { field: 'attributes.city', operator: 'eq', value: '서울' },
      ],
    },
  },
} as const;

export type DemoAudienceKey = keyof typeof DEMO_AUDIENCES;

/** Oldest first: the order they are published and sent in. */
export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    name: '가을 시즌 오프 세일',
    title: '가을 시즌 오프 최대 50%',
    description: '가을 컬렉션 마지막 찬스, 전 매장 동시 진행',
    tags: ['sale'],
    location: '전 매장',
    sentDaysAgo: 26,
    sentHour: 11,
    audience: 'everyone',
    rates: { click: 0.22, landingFollow: 0.3, kakaoFollow: 0.12 },
  },
  {
    name: '성수 팝업 스토어',
    title: '성수 팝업 스토어 오픈',
    description: '겨울 아우터 신상을 가장 먼저 만나보세요',
    tags: ['popup', 'offline'],
    location: '서울 성동구 연무장길 12',
    sentDaysAgo: 21,
    sentHour: 10,
    audience: 'seoul',
    rates: { click: 0.34, landingFollow: 0.42, kakaoFollow: 0.18 },
  },
  {
    name: '블랙 프라이데이',
    title: '블랙 프라이데이 단 3일',
    description: '앱·온라인몰 전 품목 추가 20% 할인',
    tags: ['sale', 'online'],
    location: '온라인몰',
    sentDaysAgo: 16,
    sentHour: 9,
    audience: 'everyone',
    rates: { click: 0.29, landingFollow: 0.25, kakaoFollow: 0.15 },
  },
  {
    name: '채널 친구 시크릿 라이브',
    title: '채널 친구 전용 시크릿 라이브',
    description: '라이브 방송 중 선착순 쿠폰 증정',
    tags: ['live', 'friends'],
    location: '카카오쇼핑 라이브',
    sentDaysAgo: 11,
    sentHour: 19,
    audience: 'friends',
    rates: { click: 0.41, landingFollow: 0.38, kakaoFollow: 0.22 },
  },
  {
    name: '윈터 드롭 #12',
    title: '윈터 드롭 #12 공개',
    description: '한정 수량 니트 컬렉션 발매',
    tags: ['drop'],
    location: '온라인몰',
    sentDaysAgo: 6,
    sentHour: 12,
    audience: 'everyone',
    rates: { click: 0.26, landingFollow: 0.33, kakaoFollow: 0.14 },
  },
  {
    name: '연말 홀리데이 마켓',
    title: '홀리데이 마켓 초대',
    description: '선물 포장 무료, 구매 고객 핫초코 증정',
    tags: ['popup', 'holiday'],
    location: '서울 중구 을지로 281',
    sentDaysAgo: 2,
    sentHour: 14,
    audience: 'seoul',
    rates: { click: 0.31, landingFollow: 0.36, kakaoFollow: 0.17 },
  },
];

const CITIES = ['서울', '서울', '서울', '부산', '인천', '대구', '대전', '광주'] as const;
const FAMILY_NAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'] as const;
const GIVEN_NAMES = [
  '민준',
  '서연',
  '지호',
  '하은',
  '도윤',
  '지우',
  '예준',
  '수아',
  '시우',
  '유나',
];

export interface DemoRecipientProfile {
  nickname: string;
  tags: string[];
  attributes: { city: string; memberTier: string };
  /** The channel relation this person has on Kakao. */
  relation: 'ADDED' | 'BLOCKED' | 'NONE';
}

/** The profile of the `index`-th demo recipient. */
export function demoRecipientProfile(index: number, random: () => number): DemoRecipientProfile {
  const city = CITIES[Math.floor(random() * CITIES.length)] ?? '서울';
  const family = FAMILY_NAMES[index % FAMILY_NAMES.length] ?? '김';
  const given = GIVEN_NAMES[Math.floor(index / FAMILY_NAMES.length) % GIVEN_NAMES.length] ?? '';
  const vip = random() < 0.15;
  const roll = random();
  return {
    nickname: `${family}${given}`,
    tags: vip ? ['vip', 'newsletter'] : ['newsletter'],
    attributes: { city, memberTier: vip ? 'gold' : 'basic' },
    relation: roll < 0.68 ? 'ADDED' : roll < 0.74 ? 'BLOCKED' : 'NONE',
  };
}

/**
 * How far to move a blast that really went out at `sentAt` so that it lands `sentDaysAgo` days
 * earlier at `sentHour` o'clock in the channel's time zone.
 */
export function demoShiftMs(
  campaign: Pick<DemoCampaign, 'sentDaysAgo' | 'sentHour'>,
  sentAt: Date,
  timeZone: string,
): number {
  const target = DateTime.fromJSDate(sentAt, { zone: timeZone })
    .startOf('day')
    .minus({ days: campaign.sentDaysAgo })
    .set({ hour: campaign.sentHour });
  return sentAt.getTime() - target.toMillis();
}
