import { SendRateMeter } from './send-rate-meter';

describe('SendRateMeter', () => {
  it('knows no rate from a single reading or readings too close together', () => {
    const meter = new SendRateMeter(10_000);
    expect(meter.observe('run', 0, 0)).toBeUndefined();
    expect(meter.observe('run', 40, 300)).toBeUndefined();
  });

  it('measures messages per second between readings', () => {
    const meter = new SendRateMeter(10_000);
    meter.observe('run', 0, 0);
    expect(meter.observe('run', 500, 1_000)).toBe(500);
    expect(meter.observe('run', 2_000, 4_000)).toBe(500);
  });

  it('spans only about the last window, so a slowdown shows', () => {
    const meter = new SendRateMeter(10_000);
    meter.observe('run', 0, 0);
    meter.observe('run', 10_000, 10_000);
    meter.observe('run', 10_000, 20_000);
    // Sending stalled at t=10 s: from then (the newest reading at or before the window's start,
    // t=11 s) nothing more went out, whatever the average since t=0.
    expect(meter.observe('run', 10_000, 21_000)).toBe(0);
    expect(meter.observe('run', 11_100, 22_000)).toBeCloseTo(1_100 / 12, 5);
  });

  it('keeps runs apart and forgets the least recently read run beyond its capacity', () => {
    const meter = new SendRateMeter(10_000, 2);
    meter.observe('a', 0, 0);
    meter.observe('b', 0, 0);
    meter.observe('c', 0, 0);
    expect(meter.observe('b', 100, 1_000)).toBe(100);
    expect(meter.observe('a', 100, 1_000)).toBeUndefined();
  });

  it('starts afresh after forget, so a pause does not drag the rate after resuming', () => {
    const meter = new SendRateMeter(10_000);
    meter.observe('run', 100, 0);
    // Paused from t=1 s to t=9 s: nothing went out.
    meter.observe('run', 110, 1_000);
    meter.observe('run', 110, 9_000);
    meter.forget('run');
    expect(meter.observe('run', 110, 9_500)).toBeUndefined();
    // 10 messages a second since resuming, not the slower average across the pause.
    expect(meter.observe('run', 130, 11_500)).toBe(10);
  });
});
