import {
  judgeLoginAttempt,
  type LoginAttemptCounters,
  LOGIN_THROTTLE_POLICY,
  type LoginThrottlePolicy,
  loginThrottleKeys,
  trustedDeviceKey,
  trustedDeviceOwner,
} from './login-throttle.policy';

const policy: LoginThrottlePolicy = {
  windowMs: 900_000,
  maxAttemptsPerEmailAndIp: 5,
  maxAttemptsPerIp: 30,
  maxAttemptsPerEmail: 20,
  trustedDeviceMs: 30 * 24 * 3600_000,
};
const fresh = { attempts: 1, ttlMs: 900_000 };

function counters(overrides: Partial<LoginAttemptCounters>): LoginAttemptCounters {
  return { emailAndIp: fresh, ip: fresh, email: fresh, ...overrides };
}

describe('judgeLoginAttempt', () => {
  it('allows up to five attempts per email and IP', () => {
    for (let attempts = 1; attempts <= 5; attempts += 1) {
      expect(
        judgeLoginAttempt(policy, counters({ emailAndIp: { attempts, ttlMs: 600_000 } })),
      ).toEqual({ allowed: true });
    }
  });

  it('blocks the sixth until the window ends, rounding up to whole seconds', () => {
    expect(
      judgeLoginAttempt(policy, counters({ emailAndIp: { attempts: 6, ttlMs: 61_001 } })),
    ).toEqual({ allowed: false, retryAfterSeconds: 62, limit: 'email' });
  });

  it('blocks an address after thirty attempts, whatever the emails', () => {
    expect(judgeLoginAttempt(policy, counters({ ip: { attempts: 30, ttlMs: 5_000 } }))).toEqual({
      allowed: true,
    });
    expect(judgeLoginAttempt(policy, counters({ ip: { attempts: 31, ttlMs: 5_000 } }))).toEqual({
      allowed: false,
      retryAfterSeconds: 5,
      limit: 'address',
    });
  });

  it('blocks an email attacked from many addresses after twenty attempts', () => {
    expect(judgeLoginAttempt(policy, counters({ email: { attempts: 21, ttlMs: 5_000 } }))).toEqual({
      allowed: false,
      retryAfterSeconds: 5,
      limit: 'email',
    });
  });

  it('lets a trusted device of the account past the per-email limit, and only that one', () => {
    const attacked = counters({ email: { attempts: 500, ttlMs: 5_000 } });
    expect(judgeLoginAttempt(policy, attacked, true)).toEqual({ allowed: true });
    expect(
      judgeLoginAttempt(policy, { ...attacked, emailAndIp: { attempts: 6, ttlMs: 7_000 } }, true),
    ).toEqual({ allowed: false, retryAfterSeconds: 7, limit: 'email' });
    expect(
      judgeLoginAttempt(policy, { ...attacked, ip: { attempts: 31, ttlMs: 9_000 } }, true),
    ).toEqual({ allowed: false, retryAfterSeconds: 9, limit: 'address' });
  });

  it('waits for the later window when several are exceeded, and names the address first', () => {
    expect(
      judgeLoginAttempt(policy, {
        emailAndIp: { attempts: 9, ttlMs: 10_000 },
        ip: { attempts: 40, ttlMs: 60_000 },
        email: { attempts: 30, ttlMs: 300_000 },
      }),
    ).toEqual({ allowed: false, retryAfterSeconds: 300, limit: 'address' });
  });

  it('assumes a whole window when Redis reports no expiry, and never says zero', () => {
    expect(
      judgeLoginAttempt(policy, counters({ emailAndIp: { attempts: 6, ttlMs: -1 } })),
    ).toMatchObject({ allowed: false, retryAfterSeconds: 900 });
    expect(
      judgeLoginAttempt(policy, counters({ emailAndIp: { attempts: 6, ttlMs: 0 } })),
    ).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('ships with 5 per email and IP, 30 per IP and 20 per email in 15 minutes', () => {
    expect(LOGIN_THROTTLE_POLICY).toEqual(policy);
  });
});

describe('loginThrottleKeys', () => {
  it('separates emails and addresses under the prefix without storing either', () => {
    const a = loginThrottleKeys('kcc', 'kim@demo.local', '10.0.0.1');
    const b = loginThrottleKeys('kcc', 'kim@demo.local', '10.0.0.2');
    const c = loginThrottleKeys('other', 'kim@demo.local', '10.0.0.1');
    const d = loginThrottleKeys('kcc', 'lee@demo.local', '10.0.0.1');
    expect(a.emailAndIp).not.toBe(b.emailAndIp);
    expect(a.email).toBe(b.email);
    expect(a.ip).not.toBe(b.ip);
    expect(a.ip).toBe(d.ip);
    expect(a.email.startsWith('{kcc}:login-attempts:email:')).toBe(true);
    expect(a.ip.startsWith('{kcc}:login-attempts:ip:')).toBe(true);
    expect(c.email.startsWith('{other}:')).toBe(true);
    // One hash tag for the three keys the script touches: one Redis Cluster slot.
    expect(new Set([a.email, a.ip, a.emailAndIp].map((key) => /^{[^}]+}/.exec(key)?.[0]))).toEqual(
      new Set(['{kcc}']),
    );
    expect(JSON.stringify(a)).not.toMatch(/kim|10\.0\.0\.1/);
  });

  it('gives unknown addresses one shared bucket', () => {
    expect(loginThrottleKeys('kcc', 'kim@demo.local', null).emailAndIp).toBe(
      loginThrottleKeys('kcc', 'kim@demo.local', null).emailAndIp,
    );
    expect(loginThrottleKeys('kcc', 'kim@demo.local', null).ip).toBe(
      loginThrottleKeys('kcc', 'lee@demo.local', null).ip,
    );
  });
});

describe('trusted devices in Redis', () => {
  it('keys a token by its hash and keeps the email only hashed', () => {
    const key = trustedDeviceKey('kcc', 'token-value');
    expect(key.startsWith('kcc:login-device:')).toBe(true);
    expect(key).not.toContain('token-value');
    expect(trustedDeviceOwner('kim@demo.local')).not.toContain('kim');
    expect(trustedDeviceOwner('kim@demo.local')).not.toBe(trustedDeviceOwner('lee@demo.local'));
  });
});
