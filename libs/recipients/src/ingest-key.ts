import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'kcci_';
const KEY = /^kcci_[A-Za-z0-9_-]{43}$/;

/** A new ingest key: `kcci_` and 32 random bytes (base64url). Shown once, stored as a hash. */
export function generateIngestKey(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeIngestKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

/** Hex SHA-256: keys are 256-bit random, so a plain hash is enough (no slow KDF needed). */
export function hashIngestKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What lists show so people can tell keys apart: `kcci_AbCdEfG`. */
export function ingestKeyPrefix(key: string): string {
  return key.slice(0, PREFIX.length + 7);
}
