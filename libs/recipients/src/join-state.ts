import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why a `state` coming back from Kakao is refused. */
export type JoinStateProblem = 'malformed' | 'bad_signature' | 'expired' | 'used_or_unknown';

export type JoinStateCheck = { ok: true; nonce: string } | { ok: false; problem: JoinStateProblem };

const NONCE = /^[A-Za-z0-9_-]{22}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;
const EXPIRY = /^\d{1,12}$/;

/** The key that signs opt-in states, derived from SECRETS_KEY (never the sealing key itself). */
export function joinStateKey(secretsKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretsKey, Buffer.alloc(0), 'kcc/join-state/v1', 32));
}

function mac(key: Buffer, channelId: string, nonce: string, expiresAt: number): string {
  return createHmac('sha256', key).update(`${channelId}.${nonce}.${expiresAt}`).digest('base64url');
}

export function newJoinNonce(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * `<nonce>.<expires at, unix seconds>.<HMAC>`: bound to the channel, so a state of one channel's
 * page is refused by another's callback, and unforgeable without the key.
 */
export function signJoinState(
  key: Buffer,
  claims: { channelId: string; nonce: string; expiresAt: number },
): string {
  return `${claims.nonce}.${claims.expiresAt}.${mac(key, claims.channelId, claims.nonce, claims.expiresAt)}`;
}

/** Checks form, signature and expiry (single use is the store's job). */
export function verifyJoinState(
  key: Buffer,
  state: unknown,
  channelId: string,
  nowSeconds: number,
): JoinStateCheck {
  if (typeof state !== 'string' || state.length > 200) {
    return { ok: false, problem: 'malformed' };
  }
  const [nonce, expiry, signature, ...rest] = state.split('.');
  if (
    rest.length > 0 ||
    nonce === undefined ||
    expiry === undefined ||
    signature === undefined ||
    !NONCE.test(nonce) ||
    !EXPIRY.test(expiry) ||
    !MAC.test(signature)
  ) {
    return { ok: false, problem: 'malformed' };
  }
  const expected = Buffer.from(mac(key, channelId, nonce, Number(expiry)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, problem: 'bad_signature' };
  }
  if (Number(expiry) <= nowSeconds) {
    return { ok: false, problem: 'expired' };
  }
  return { ok: true, nonce };
}
