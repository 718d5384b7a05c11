import { createHash } from 'node:crypto';

/**
 * Login attempts allowed per fixed window, counted before the password check and taken back
 * after a successful login (so they count failures):
 * - per email and address, the limit stops password guessing from one place;
 * - per address alone, it stops one place from guessing across many emails (and from making the
 *   API hash passwords for unknown emails without end);
 * - per email alone, it caps guessing spread over many addresses (or a spoofed X-Forwarded-For).
 *   Anyone could use that limit to lock the owner out, so a browser that signed in to this
 *   account before is exempt from it: a successful login leaves a trusted-device cookie (HttpOnly,
 *   only sent to the login route, 30 days), and a login presenting it for the same email is judged
 *   by the two other limits only. An attacker without the owner's device still meets all three.
 */
export interface LoginThrottlePolicy {
  windowMs: number;
  maxAttemptsPerEmailAndIp: number;
  maxAttemptsPerIp: number;
  maxAttemptsPerEmail: number;
  /** How long a browser stays trusted for an account after its last successful login there. */
  trustedDeviceMs: number;
}

export const LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  maxAttemptsPerEmailAndIp: 5,
  maxAttemptsPerIp: 30,
  maxAttemptsPerEmail: 20,
  trustedDeviceMs: 30 * 24 * 60 * 60 * 1000,
};

/** A counter as Redis reports it: attempts in the window (this one included) and time left. */
export interface AttemptCounter {
  attempts: number;
  /** Milliseconds until the window ends; negative when Redis reports no expiry. */
  ttlMs: number;
}

export interface LoginAttemptCounters {
  emailAndIp: AttemptCounter;
  ip: AttemptCounter;
  email: AttemptCounter;
}

/** Which limit refused: the address (whatever the email) or this email. */
export type LoginLimit = 'address' | 'email';

export type LoginVerdict =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; limit: LoginLimit };

/**
 * Decides on an attempt that has already been counted in every window. `trustedDevice`: the
 * client showed a device this account signed in from, so the per-email limit does not apply.
 */
export function judgeLoginAttempt(
  policy: LoginThrottlePolicy,
  counters: LoginAttemptCounters,
  trustedDevice = false,
): LoginVerdict {
  const exceeded: { counter: AttemptCounter; limit: LoginLimit }[] = [];
  if (counters.ip.attempts > policy.maxAttemptsPerIp) {
    exceeded.push({ counter: counters.ip, limit: 'address' });
  }
  if (counters.emailAndIp.attempts > policy.maxAttemptsPerEmailAndIp) {
    exceeded.push({ counter: counters.emailAndIp, limit: 'email' });
  }
  if (!trustedDevice && counters.email.attempts > policy.maxAttemptsPerEmail) {
    exceeded.push({ counter: counters.email, limit: 'email' });
  }
  if (exceeded.length === 0) {
    return { allowed: true };
  }
  const waitMs = Math.max(
    ...exceeded.map(({ counter }) => (counter.ttlMs >= 0 ? counter.ttlMs : policy.windowMs)),
  );
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    // The address limit is named first: it is the one that no other email would escape.
    limit: exceeded.some(({ limit }) => limit === 'address') ? 'address' : 'email',
  };
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);
}

/** Redis keys of the three counters; hashed so no email or address sits in Redis in clear. */
export function loginThrottleKeys(
  prefix: string,
  email: string,
  ip: string | null,
): { emailAndIp: string; ip: string; email: string } {
  // One script touches all three: the `{prefix}` hash tag keeps them in one Redis Cluster slot.
  const base = `{${prefix}}:login-attempts`;
  return {
    emailAndIp: `${base}:email-ip:${digest(`${email}\n${ip ?? 'unknown'}`)}`,
    ip: `${base}:ip:${digest(ip ?? 'unknown')}`,
    email: `${base}:email:${digest(email)}`,
  };
}

/** The Redis key of a trusted-device token (its hash) and the account it vouches for. */
export function trustedDeviceKey(prefix: string, token: string): string {
  return `${prefix}:login-device:${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}

/** What a trusted-device key holds: the account's email, hashed like the counters. */
export function trustedDeviceOwner(email: string): string {
  return digest(email);
}
