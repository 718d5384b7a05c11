import { seededRandom } from '@app/common';

import { DEMO_CAMPAIGNS, demoRecipientProfile, demoShiftMs } from './demo-plan';

describe('demo plan', () => {
  it('moves a blast to its day and hour in the channel’s zone', () => {
    // 2026-12-06 23:30 in Seoul (14:30 UTC) → 26 days earlier at 11:00 Seoul = 02:00 UTC.
    const sentAt = new Date('2026-12-06T14:30:00Z');
    const shift = demoShiftMs({ sentDaysAgo: 26, sentHour: 11 }, sentAt, 'Asia/Seoul');
    expect(new Date(sentAt.getTime() - shift).toISOString()).toBe('2026-11-10T02:00:00.000Z');
  });

  it('uses the local day, not the UTC day', () => {
    // 2026-12-07 01:00 in Seoul is still 12-06 in UTC.
    const sentAt = new Date('2026-12-06T16:00:00Z');
    const shift = demoShiftMs({ sentDaysAgo: 2, sentHour: 14 }, sentAt, 'Asia/Seoul');
    expect(new Date(sentAt.getTime() - shift).toISOString()).toBe('2026-12-05T05:00:00.000Z');
  });

  it('tells the same story from the same seed', () => {
    const first = seededRandom(7);
    const second = seededRandom(7);
    const a = Array.from({ length: 50 }, (_, index) => demoRecipientProfile(index, first));
    const b = Array.from({ length: 50 }, (_, index) => demoRecipientProfile(index, second));
    expect(a).toEqual(b);
    expect(new Set(a.map((profile) => profile.relation))).toEqual(
      new Set(['ADDED', 'BLOCKED', 'NONE']),
    );
  });

  it('spreads the campaigns over four weeks, oldest first', () => {
    const days = DEMO_CAMPAIGNS.map((campaign) => campaign.sentDaysAgo);
    expect([...days].sort((x, y) => y - x)).toEqual(days);
    expect(days[0]).toBeGreaterThanOrEqual(21);
    expect(days[days.length - 1]).toBeGreaterThanOrEqual(1);
  });
});
