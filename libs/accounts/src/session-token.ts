import { createHash, randomBytes } from 'node:crypto';

// A recognizable prefix lets secret scanners and people tell a console token at a glance.
const TOKEN_PREFIX = 'kccs_';
const TOKEN_BYTES = 32;
const TOKEN_FORMAT = /^kccs_[A-Za-z0-9_-]{43}$/;

/**
 * Sessions last a fixed 12 hours from login (a working day), with no sliding renewal: a stolen
 * token stops working on schedule, and authenticating a request never writes to the database.
 */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface IssuedSessionToken {
  /** Given to the client once; never stored. */
  token: string;
  /** What the database keeps. */
  tokenHash: string;
}

/** Hex SHA-256 of a token. A fast hash is right here: the token has 256 bits of entropy. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function issueSessionToken(): IssuedSessionToken {
  const token = `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
  return { token, tokenHash: hashSessionToken(token) };
}

/** Cheap shape check that spares the database lookups for garbage tokens. */
export function isWellFormedSessionToken(token: string): boolean {
  return TOKEN_FORMAT.test(token);
}
