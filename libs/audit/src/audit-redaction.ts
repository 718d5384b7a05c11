/** What a sensitive value becomes in the audit trail. */
export const REDACTED = '[redacted]';

// Key names that hold credentials (passwordHash and tokenHash match through password and token;
// a bare "hash" would also catch harmless fields such as hashtags). Booleans and nulls under such
// keys (`hasAdminKey: true`) stay: they say whether a secret is set without saying what it is.
const SENSITIVE_KEY = /password|secret|token|api_?key|admin_?key|sealed/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactValue);
  }
  if (isPlainObject(value)) {
    return redactSecrets(value);
  }
  return value;
}

/**
 * A copy of a before/after snapshot with every credential-looking field replaced by `[redacted]`,
 * at any depth. Callers build snapshots without secrets; this is the net under them.
 */
export function redactSecrets(snapshot: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    const keepsValue = value === null || value === undefined || typeof value === 'boolean';
    out[key] = SENSITIVE_KEY.test(key) && !keepsValue ? REDACTED : redactValue(value);
  }
  return out;
}
