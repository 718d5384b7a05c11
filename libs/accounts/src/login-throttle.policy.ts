import { createHash } from 'node:crypto';

/**
 * Login attempts allowed per fixed window. Per email and IP the limit stops password guessing
 * from one place; per email alone it caps guessing spread over many addresses (or a spoofed
 * X-Forwarded-For), at the cost of a 15-minute lock-out of that email under such an attack.
 */
export interface LoginThrottlePolicy {
  windowMs: number;
  maxAttemptsPerEmailAndIp: number;
  maxAttemptsPerEmail: number;
}

export const LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  maxAttemptsPerEmailAndIp: 5,
  maxAttemptsPerEmail: 20,
};

/** A counter as Redis reports it: attempts in the window (this one included) and time left. */
export interface AttemptCounter {
  attempts: number;
  /** Milliseconds until the window ends; negative when Redis reports no expiry. */
  ttlMs: number;
}

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Decides on an attempt that has already been counted in both windows. */
export function judgeLoginAttempt(
  policy: LoginThrottlePolicy,
  counters: { emailAndIp: AttemptCounter; email: AttemptCounter },
): LoginVerdict {
  const exceeded = [
    counters.emailAndIp.attempts > policy.maxAttemptsPerEmailAndIp ? counters.emailAndIp : null,
    counters.email.attempts > policy.maxAttemptsPerEmail ? counters.email : null,
  ].filter((counter): counter is AttemptCounter => counter !== null);
  if (exceeded.length === 0) {
    return { allowed: true };
  }
  const waitMs = Math.max(
    ...exceeded.map((counter) => (counter.ttlMs >= 0 ? counter.ttlMs : policy.windowMs)),
  );
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);
}

/** Redis keys of the two counters; hashed so no email address sits in Redis in clear. */
export function loginThrottleKeys(
  prefix: string,
  email: string,
  ip: string | null,
): { emailAndIp: string; email: string } {
  return {
    emailAndIp: `${prefix}:login-attempts:email-ip:${digest(`${email}\n${ip ?? 'unknown'}`)}`,
    email: `${prefix}:login-attempts:email:${digest(email)}`,
  };
}
