import { randomBytes } from 'node:crypto';

import { TrackedLink, TrackingTokens } from './tracking-token';

describe('TrackingTokens', () => {
  const tokens = new TrackingTokens(randomBytes(32));

  it('round-trips a ledger row and link through a short URL-safe token', () => {
    const token = tokens.sign({ deliveryId: '1234567', link: TrackedLink.Button });
    expect(token).toMatch(/^1234567b[A-Za-z0-9_-]{16}$/);
    expect(tokens.verify(token)).toEqual({ deliveryId: '1234567', link: TrackedLink.Button });
  });

  it('refuses a token whose row, link or signature was changed', () => {
    const token = tokens.sign({ deliveryId: '42', link: TrackedLink.Content });
    const signature = token.slice(3);
    expect(tokens.verify(`43c${signature}`)).toBeUndefined();
    expect(tokens.verify(`42b${signature}`)).toBeUndefined();
    expect(tokens.verify(`42c${signature.slice(0, -1)}A`)).toBeUndefined();
  });

  it('refuses tokens signed under another key and malformed ones', () => {
    const other = new TrackingTokens(randomBytes(32)).sign({
      deliveryId: '42',
      link: TrackedLink.Content,
    });
    expect(tokens.verify(other)).toBeUndefined();
    for (const junk of ['', 'abc', '0c' + 'A'.repeat(16), '42x' + 'A'.repeat(16), '../../etc']) {
      expect(tokens.verify(junk)).toBeUndefined();
    }
  });
});
