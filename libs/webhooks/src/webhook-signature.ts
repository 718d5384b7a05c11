import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of every webhook secret, so a leaked one is recognisable in logs and scanners. */
const SECRET_PREFIX = 'whsec_';
const SCHEME = 'v1';

/** A new endpoint secret: 32 random bytes, base64url, prefixed. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, keyed with the secret as UTF-8 text. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `${SCHEME}=${mac}`;
}

/**
 * The receiver's check (also what the README documents): the `X-Kcc-Signature` header matches
 * the body and timestamp, compared in constant time, and the timestamp is recent.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  signatureHeader: string;
  timestamp: string;
  body: string;
  toleranceSeconds?: number;
  now?: Date;
}): boolean {
  const timestamp = Number(input.timestamp);
  if (!/^\d+$/.test(input.timestamp) || !Number.isSafeInteger(timestamp)) {
    return false;
  }
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300)) {
    return false;
  }
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  // A comma-separated list is accepted (any one may match), so more schemes can be added later.
  return input.signatureHeader
    .split(',')
    .map((part) => Buffer.from(part.trim()))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}
