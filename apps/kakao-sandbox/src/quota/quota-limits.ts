/** Daily limits of contract section 10, per app (`talk*`) and per user (`sender`, `recipient`, `pair`). */
export interface QuotaLimits {
  talkCalendarDaily: number;
  talkMessageDaily: number;
  senderDaily: number;
  recipientDaily: number;
  pairDaily: number;
}

export const DOCUMENTED_QUOTAS: QuotaLimits = {
  talkCalendarDaily: 30000,
  talkMessageDaily: 30000,
  senderDaily: 100,
  recipientDaily: 100,
  pairDaily: 20,
};

const ENV_NAMES: Record<keyof QuotaLimits, string> = {
  talkCalendarDaily: 'SANDBOX_QUOTA_TALK_CALENDAR_DAILY',
  talkMessageDaily: 'SANDBOX_QUOTA_TALK_MESSAGE_DAILY',
  senderDaily: 'SANDBOX_QUOTA_SENDER_DAILY',
  recipientDaily: 'SANDBOX_QUOTA_RECIPIENT_DAILY',
  pairDaily: 'SANDBOX_QUOTA_PAIR_DAILY',
};

/** Defaults for new apps: documented values, overridden by env, then by explicit options. */
export function resolveDefaultQuotas(
  env: NodeJS.ProcessEnv,
  overrides: Partial<QuotaLimits> = {},
): QuotaLimits {
  const limits: QuotaLimits = { ...DOCUMENTED_QUOTAS };
  for (const key of Object.keys(ENV_NAMES) as (keyof QuotaLimits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw !== undefined && raw !== '') {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 0) {
        throw new Error(`${ENV_NAMES[key]} must be a non-negative integer, got "${raw}"`);
      }
      limits[key] = value;
    }
    const override = overrides[key];
    if (override !== undefined) {
      limits[key] = override;
    }
  }
  return limits;
}
