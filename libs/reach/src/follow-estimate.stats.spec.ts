import {
  followWindow,
  sampleSizeFor,
  sampleWithoutReplacement,
  wilsonInterval,
} from './follow-estimate.stats';

/** A seeded generator (mulberry32) so the sampling checks are repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('wilsonInterval', () => {
  it('matches the textbook Wilson interval without correction', () => {
    // 30 of 100: Wilson 95 % is about [0.2189, 0.3958].
    const interval = wilsonInterval(30, 100);
    expect(interval.rate).toBeCloseTo(0.3, 10);
    expect(interval.low).toBeCloseTo(0.2189, 3);
    expect(interval.high).toBeCloseTo(0.3958, 3);
    // A small sample is ignored by the correction (2 % of the population).
    expect(wilsonInterval(30, 100, 5000)).toEqual(interval);
  });

  it('stays within [0, 1] at the edges', () => {
    const none = wilsonInterval(0, 50);
    expect(none.low).toBe(0);
    expect(none.high).toBeGreaterThan(0);
    expect(none.high).toBeLessThan(0.1);
    const all = wilsonInterval(50, 50);
    expect(all.high).toBe(1);
    expect(all.low).toBeGreaterThan(0.9);
  });

  it('narrows with the finite population correction and vanishes for a census', () => {
    const plain = wilsonInterval(36, 120);
    const corrected = wilsonInterval(36, 120, 300);
    expect(corrected.high - corrected.low).toBeLessThan(plain.high - plain.low);
    expect(corrected.low).toBeLessThan(0.3);
    expect(corrected.high).toBeGreaterThan(0.3);
    expect(wilsonInterval(90, 300, 300)).toEqual({ rate: 0.3, low: 0.3, high: 0.3 });
  });

  it('covers the truth in about 95 % of simulated samples', () => {
    const random = seeded(42);
    const population = Array.from({ length: 2000 }, (_, index) => index < 600);
    let covered = 0;
    const trials = 400;
    for (let trial = 0; trial < trials; trial += 1) {
      const sample = sampleWithoutReplacement(population, 200, random);
      const hits = sample.filter(Boolean).length;
      const interval = wilsonInterval(hits, 200, 2000);
      if (interval.low <= 0.3 && 0.3 <= interval.high) {
        covered += 1;
      }
    }
    expect(covered / trials).toBeGreaterThan(0.9);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
  });
});

describe('sampleSizeFor', () => {
  it('spends the budget one call per check, capped by the population', () => {
    expect(sampleSizeFor('follow', 120, 300)).toBe(120);
    expect(sampleSizeFor('subscribe', 120, 300)).toBe(120);
    expect(sampleSizeFor('follow', 30000, 300)).toBe(300);
    expect(sampleSizeFor('follow', 120, 0)).toBe(0);
  });
});

describe('sampleWithoutReplacement', () => {
  it('draws distinct items, each about equally often', () => {
    const random = seeded(7);
    const items = Array.from({ length: 10 }, (_, index) => index);
    const counts = new Array<number>(10).fill(0);
    for (let draw = 0; draw < 5000; draw += 1) {
      const sample = sampleWithoutReplacement(items, 3, random);
      expect(new Set(sample).size).toBe(3);
      for (const item of sample) {
        counts[item] += 1;
      }
    }
    // Each item is drawn with probability 3/10: 1,500 times in expectation.
    for (const count of counts) {
      expect(count).toBeGreaterThan(1350);
      expect(count).toBeLessThan(1650);
    }
    expect(sampleWithoutReplacement(items, 20, random)).toHaveLength(10);
  });
});

describe('followWindow', () => {
  it('spans a day around the event, at most 31 days, on the 5-minute grid', () => {
    const start = new Date('2030-04-12T01:02:00Z');
    expect(followWindow(start, new Date('2030-04-12T10:00:00Z'))).toEqual({
      from: new Date('2030-04-11T01:00:00Z'),
      to: new Date('2030-04-13T10:00:00Z'),
    });
    const long = followWindow(start, new Date('2030-07-01T00:00:00Z'));
    expect(long.to.getTime() - long.from.getTime()).toBe(31 * 24 * 3600 * 1000);
  });
});
