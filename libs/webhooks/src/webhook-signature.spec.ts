import { createHmac } from 'node:crypto';

import { generateWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = '{"id":"e1","type":"ping","data":{"message":"안녕"}}';
  const timestamp = 1_767_000_000;
  const now = new Date(timestamp * 1000 + 30_000);

  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`v1=${expected}`);
  });

  it('verifies its own signature', () => {
    const signatureHeader = signWebhook(secret, timestamp, body);
    expect(
      verifyWebhookSignature({ secret, signatureHeader, timestamp: String(timestamp), body, now }),
    ).toBe(true);
  });

  it.each([
    ['another secret', { secret: 'whsec_other' }],
    ['a changed body', { body: body.replace('ping', 'pong') }],
    ['a changed timestamp', { timestamp: String(timestamp + 1) }],
    ['a non-numeric timestamp', { timestamp: '12e5' }],
    ['a stale timestamp', { now: new Date(timestamp * 1000 + 301_000) }],
    [
      'a truncated signature',
      { signatureHeader: signWebhook(secret, timestamp, body).slice(0, 20) },
    ],
  ])('rejects %s', (_case, change) => {
    expect(
      verifyWebhookSignature({
        secret,
        signatureHeader: signWebhook(secret, timestamp, body),
        timestamp: String(timestamp),
        body,
        now,
        ...change,
      }),
    ).toBe(false);
  });

  it('accepts any one of several comma-separated signatures', () => {
    const signatureHeader = `v1=${'0'.repeat(64)}, ${signWebhook(secret, timestamp, body)}`;
    expect(
      verifyWebhookSignature({ secret, signatureHeader, timestamp: String(timestamp), body, now }),
    ).toBe(true);
  });

  it('generates 32-byte secrets, never the same twice', () => {
    const first = generateWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.slice('whsec_'.length), 'base64url')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(first);
  });
});
