import { randomBytes } from 'node:crypto';

const POOL_SIZE = 64 * 1024;

// One big random buffer refilled when used up: minting 100,000 users must not make 300,000
// separate crypto calls.
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

function takeRange(count: number): [number, number] {
  if (poolOffset + count > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += count;
  return [start, poolOffset];
}

/**
 * Random URL-safe string of `length` characters ([A-Za-z0-9_-], like Kakao's tokens). Built by
 * Buffer#toString so the result is one flat string, not a rope of one-character pieces.
 */
export function randomToken(length: number): string {
  const [start, end] = takeRange(Math.ceil((length * 3) / 4));
  return pool.toString('base64url', start, end).slice(0, length);
}

export function randomHex(byteCount: number): string {
  const [start, end] = takeRange(byteCount);
  return pool.toString('hex', start, end);
}

export function newEventId(): string {
  return randomHex(12);
}

export function newSubCalendarId(): string {
  return `user_${randomHex(7)}`;
}

export function newSubscribeCalendarId(): string {
  return `sub_${randomHex(6)}`;
}

export function newTaskId(): string {
  return randomHex(12);
}

/** Channel profile ids look like `_ZBlkG`: letters and digits only. */
export function newChannelPublicId(): string {
  let id = '';
  while (id.length < 5) {
    id += randomToken(8).replace(/[-_]/g, '');
  }
  return `_${id.slice(0, 5)}`;
}

export function newUserUuid(): string {
  return randomToken(22);
}

export function newAccessToken(): string {
  return randomToken(40);
}

export function newRefreshToken(): string {
  return randomToken(40);
}

export function newAuthorizationCode(): string {
  return randomToken(32);
}

export function newAppKey(): string {
  return randomHex(16);
}
