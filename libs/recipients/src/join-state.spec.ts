import { randomBytes } from 'node:crypto';

import { joinStateKey, newJoinNonce, signJoinState, verifyJoinState } from './join-state';

describe('opt-in state signing', () => {
  const key = joinStateKey(randomBytes(32));
  const channelId = '0b3c9c1e-6f1f-4c53-9d5e-1a2b3c4d5e6f';
  const now = 1_800_000_000;
  const nonce = newJoinNonce();
  const state = signJoinState(key, { channelId, nonce, expiresAt: now + 600 });

  it('accepts its own state for the same channel before it expires', () => {
    expect(state).toMatch(/^[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyJoinState(key, state, channelId, now)).toEqual({ ok: true, nonce });
  });

  it('refuses it after it expires', () => {
    expect(verifyJoinState(key, state, channelId, now + 600)).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it('refuses it on another channel callback', () => {
    expect(verifyJoinState(key, state, 'another-channel', now)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it('refuses it under another key (a forgery)', () => {
    const other = joinStateKey(randomBytes(32));
    expect(verifyJoinState(other, state, channelId, now)).toMatchObject({ ok: false });
    expect(signJoinState(other, { channelId, nonce, expiresAt: now + 600 })).not.toBe(state);
  });

  it('refuses a longer expiry with the old signature', () => {
    const [n, , mac] = state.split('.');
    expect(verifyJoinState(key, `${n}.${now + 99_999}.${mac}`, channelId, now)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it.each([undefined, 42, '', 'abc', `${state}.x`, 'a'.repeat(300), state.replace(/\./g, '-')])(
    'calls %j malformed',
    (bad) => {
      expect(verifyJoinState(key, bad, channelId, now)).toEqual({
        ok: false,
        problem: 'malformed',
      });
    },
  );

  it('derives the signing key from SECRETS_KEY without reusing it', () => {
    const secrets = randomBytes(32);
    expect(joinStateKey(secrets)).toHaveLength(32);
    expect(joinStateKey(secrets).equals(secrets)).toBe(false);
    expect(joinStateKey(secrets).equals(joinStateKey(secrets))).toBe(true);
  });
});
