import {
  judgeLoginAttempt,
  LOGIN_THROTTLE_POLICY,
  type LoginThrottlePolicy,
  loginThrottleKeys,
} from './login-throttle.policy';

const policy: LoginThrottlePolicy = {
  windowMs: 900_000,
  maxAttemptsPerEmailAndIp: 5,
  maxAttemptsPerEmail: 20,
};
const fresh = { attempts: 1, ttlMs: 900_000 };

describe('judgeLoginAttempt', () => {
  it('allows up to five attempts per email and IP', () => {
    for (let attempts = 1; attempts <= 5; attempts += 1) {
      expect(
        judgeLoginAttempt(policy, { emailAndIp: { attempts, ttlMs: 600_000 }, email: fresh }),
      ).toEqual({ allowed: true });
    }
  });

  it('blocks the sixth until the window ends, rounding up to whole seconds', () => {
    expect(
      judgeLoginAttempt(policy, { emailAndIp: { attempts: 6, ttlMs: 61_001 }, email: fresh }),
    ).toEqual({ allowed: false, retryAfterSeconds: 62 });
  });

  it('blocks an email attacked from many addresses after twenty attempts', () => {
    expect(
      judgeLoginAttempt(policy, { emailAndIp: fresh, email: { attempts: 21, ttlMs: 5_000 } }),
    ).toEqual({ allowed: false, retryAfterSeconds: 5 });
  });

  it('waits for the later window when both are exceeded', () => {
    expect(
      judgeLoginAttempt(policy, {
        emailAndIp: { attempts: 9, ttlMs: 10_000 },
        email: { attempts: 30, ttlMs: 300_000 },
      }),
    ).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  it('assumes a whole window when Redis reports no expiry, and never says zero', () => {
    expect(
      judgeLoginAttempt(policy, { emailAndIp: { attempts: 6, ttlMs: -1 }, email: fresh }),
    ).toEqual({ allowed: false, retryAfterSeconds: 900 });
    expect(
      judgeLoginAttempt(policy, { emailAndIp: { attempts: 6, ttlMs: 0 }, email: fresh }),
    ).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('ships with 5 per email and IP and 20 per email in 15 minutes', () => {
    expect(LOGIN_THROTTLE_POLICY).toEqual(policy);
  });
});

describe('loginThrottleKeys', () => {
  it('separates emails and addresses under the prefix without storing the email', () => {
    const a = loginThrottleKeys('kcc', 'kim@demo.local', '10.0.0.1');
    const b = loginThrottleKeys('kcc', 'kim@demo.local', '10.0.0.2');
    const c = loginThrottleKeys('other', 'kim@demo.local', '10.0.0.1');
    expect(a.emailAndIp).not.toBe(b.emailAndIp);
    expect(a.email).toBe(b.email);
    expect(a.email.startsWith('kcc:login-attempts:email:')).toBe(true);
    expect(c.email.startsWith('other:')).toBe(true);
    expect(JSON.stringify(a)).not.toContain('kim');
  });

  it('gives unknown addresses one shared bucket', () => {
    expect(loginThrottleKeys('kcc', 'kim@demo.local', null).emailAndIp).toBe(
      loginThrottleKeys('kcc', 'kim@demo.local', null).emailAndIp,
    );
  });
});
