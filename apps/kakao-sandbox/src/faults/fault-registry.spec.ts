import { actionOf, faultMatches, FaultRegistry } from '@app/kakao-sandbox/faults/fault-registry';

const always = (): number => 0;
const never = (): number => 0.99;

describe('fault matching', () => {
  it('matches exact paths and prefixes ending with *', () => {
    const exact = { path: '/v2/user/me', probability: 1, drop: false };
    const prefix = { path: '/v2/api/calendar/*', probability: 1, drop: false };
    expect(faultMatches(exact, 'GET', '/v2/user/me')).toBe(true);
    expect(faultMatches(exact, 'GET', '/v2/user/me/x')).toBe(false);
    expect(faultMatches(prefix, 'POST', '/v2/api/calendar/create/event')).toBe(true);
    expect(faultMatches(prefix, 'POST', '/v2/api/talk/memo/default/send')).toBe(false);
  });

  it('filters by method when given', () => {
    const fault = { method: 'POST', path: '/*', probability: 1, drop: false };
    expect(faultMatches(fault, 'post', '/x')).toBe(true);
    expect(faultMatches(fault, 'GET', '/x')).toBe(false);
  });

  it('never applies to the control API', () => {
    expect(
      faultMatches({ path: '/*', probability: 1, drop: false }, 'GET', '/__sandbox/health'),
    ).toBe(false);
  });
});

describe('fault actions', () => {
  it('answers 500 / -1 "internal error" by default', () => {
    expect(actionOf({ path: '/', probability: 1, drop: false })).toEqual({
      kind: 'respond',
      status: 500,
      body: { msg: 'internal error', code: -1 },
      delayMs: 0,
    });
  });

  it('derives the status from a code and the code from a status', () => {
    expect(actionOf({ path: '/', probability: 1, drop: false, code: -10 })).toMatchObject({
      status: 400,
      body: { code: -10, msg: 'API limit has been exceeded.' },
    });
    expect(actionOf({ path: '/', probability: 1, drop: false, status: 503 })).toMatchObject({
      status: 503,
      body: { code: -9798 },
    });
    expect(actionOf({ path: '/', probability: 1, drop: false, status: 502 })).toMatchObject({
      body: { code: -1, msg: 'internal error' },
    });
  });

  it('delays only, drops, or delays then answers', () => {
    expect(actionOf({ path: '/', probability: 1, drop: false, delayMs: 200 })).toEqual({
      kind: 'delay',
      ms: 200,
    });
    expect(actionOf({ path: '/', probability: 1, drop: true, delayMs: 200 })).toEqual({
      kind: 'drop',
    });
    expect(
      actionOf({ path: '/', probability: 1, drop: false, delayMs: 50, status: 500 }),
    ).toMatchObject({
      kind: 'respond',
      delayMs: 50,
    });
  });
});

describe('FaultRegistry', () => {
  it('fires by probability and counts down remaining', () => {
    const registry = new FaultRegistry();
    const fault = registry.add({ path: '/x', probability: 0.5, drop: false, remaining: 2 });
    expect(registry.fire('GET', '/x', never)).toBeUndefined();
    expect(registry.fire('GET', '/x', always)).toBe(fault);
    expect(fault.remaining).toBe(1);
    expect(registry.fire('GET', '/x', always)).toBe(fault);
    expect(registry.isEmpty).toBe(true);
    expect(registry.fire('GET', '/x', always)).toBeUndefined();
  });

  it('checks faults in order and removes or clears them', () => {
    const registry = new FaultRegistry();
    const first = registry.add({ path: '/a/*', probability: 1, drop: false });
    const second = registry.add({ path: '/a/b', probability: 1, drop: false, status: 503 });
    expect(registry.fire('GET', '/a/b', always)).toBe(first);
    expect(registry.remove(first.id)).toBe(true);
    expect(registry.fire('GET', '/a/b', always)).toBe(second);
    expect(registry.clear()).toBe(1);
  });
});
