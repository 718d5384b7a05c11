import { createHash } from 'node:crypto';

import {
  hashSessionToken,
  isWellFormedSessionToken,
  issueSessionToken,
  SESSION_LIFETIME_MS,
} from './session-token';

describe('session tokens', () => {
  it('issues a prefixed 32-byte random token and keeps only its SHA-256', () => {
    const { token, tokenHash } = issueSessionToken();
    expect(token).toMatch(/^kccs_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice('kccs_'.length), 'base64url')).toHaveLength(32);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenHash).toHaveLength(64);
    expect(tokenHash).not.toContain(token.slice(5));
  });

  it('never issues the same token twice', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => issueSessionToken().token));
    expect(tokens.size).toBe(100);
  });

  it('hashes deterministically', () => {
    expect(hashSessionToken('kccs_abc')).toBe(hashSessionToken('kccs_abc'));
    expect(hashSessionToken('kccs_abc')).not.toBe(hashSessionToken('kccs_abd'));
  });

  it('tells well-formed tokens from garbage', () => {
    expect(isWellFormedSessionToken(issueSessionToken().token)).toBe(true);
    expect(isWellFormedSessionToken('garbage')).toBe(false);
    expect(isWellFormedSessionToken(`kccs_${'a'.repeat(44)}`)).toBe(false);
    expect(isWellFormedSessionToken(`kccs_${'a'.repeat(42)}!`)).toBe(false);
  });

  it('lasts twelve hours', () => {
    expect(SESSION_LIFETIME_MS).toBe(43_200_000);
  });
});
