import {
  createDailyCountersData,
  DailyCounters,
  kstDayIndex,
  nextKstMidnight,
} from '@app/kakao-sandbox/quota/daily-counters';

const at = (iso: string): number => Date.parse(iso);

describe('DailyCounters', () => {
  it('uses the Asia/Seoul day: 15:00Z is already the next day', () => {
    expect(kstDayIndex(at('2030-05-06T14:59:59Z'))).toBe(kstDayIndex(at('2030-05-05T15:00:00Z')));
    expect(kstDayIndex(at('2030-05-06T15:00:00Z'))).toBe(
      kstDayIndex(at('2030-05-06T14:59:59Z')) + 1,
    );
    expect(new Date(nextKstMidnight(at('2030-05-06T10:00:00Z'))).toISOString()).toBe(
      '2030-05-06T15:00:00.000Z',
    );
  });

  it('consumes up to the limit and refuses beyond it', () => {
    const counters = new DailyCounters(createDailyCountersData());
    const now = at('2030-05-06T03:00:00Z');
    expect(counters.tryConsume('k', 2, now)).toBe(true);
    expect(counters.tryConsume('k', 2, now)).toBe(true);
    expect(counters.tryConsume('k', 2, now)).toBe(false);
    expect(counters.get('k', now)).toBe(2);
    expect(counters.tryConsume('other', 2, now)).toBe(true);
  });

  it('resets every counter at 00:00 KST', () => {
    const counters = new DailyCounters(createDailyCountersData());
    counters.add('k', at('2030-05-06T14:59:00Z'), 5);
    expect(counters.get('k', at('2030-05-06T14:59:59Z'))).toBe(5);
    expect(counters.get('k', at('2030-05-06T15:00:00Z'))).toBe(0);
    expect(counters.tryConsume('k', 1, at('2030-05-06T15:00:01Z'))).toBe(true);
  });

  it('refuses everything with a limit of zero', () => {
    const counters = new DailyCounters(createDailyCountersData());
    expect(counters.tryConsume('k', 0, at('2030-05-06T00:00:00Z'))).toBe(false);
  });
});
