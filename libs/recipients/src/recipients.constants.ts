/** Consent items the opt-in page asks for (2.3): messages, and calendar for follow / subscribe. */
export const OPT_IN_SCOPES = ['talk_message', 'talk_calendar'] as const;

/** The consent item a recipient needs before any blast may message them. */
export const MESSAGE_SCOPE = 'talk_message';

/** How long an opt-in `state` (and its cookie) stays usable: Kakao's codes live 10 minutes. */
export const JOIN_STATE_TTL_SECONDS = 10 * 60;

/** Tokens expiring this soon are refreshed before they are handed to a sender. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;

/** Parallel OAuth refreshes in one `sendingCredentials` call. */
export const TOKEN_REFRESH_CONCURRENCY = 8;

/** Ingest calls take at most this many recipients, all or nothing. */
export const INGEST_MAX_ITEMS = 1000;

export const IMPORTS = {
  /** Bytes per stored piece of an uploaded file. */
  chunkBytes: 1024 * 1024,
  /** Rows checked and staged per round trip. */
  batchRows: 1000,
  /** Largest accepted upload. */
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  /** Job attempts before an import is failed for good (each attempt starts over). */
  attempts: 3,
  backoffMs: 1000,
} as const;

export const RELATION_SYNC = {
  /** How often every channel's relations are re-checked. */
  everyMs: 30 * 60_000,
  /** Kakao calls per channel and run: the least recently checked recipients go first. */
  budgetPerRun: 1000,
  concurrency: 4,
  /** Results written per transaction. */
  writeBatch: 100,
} as const;

/** Why `sendingCredentials` could not hand out a token. */
export const SkipReason = {
  NotFound: 'not_found',
  NeedsConsent: 'needs_consent',
  Revoked: 'revoked',
  NoToken: 'no_token',
  MissingScope: `missing_scope:${MESSAGE_SCOPE}`,
  NoRefreshToken: 'refresh_failed:no_refresh_token',
  /** Transient: Kakao or the channel's app keys failed; the recipient stays active. */
  RefreshUnavailable: 'refresh_unavailable',
} as const;

/** `refresh_failed:KOE322` and the like: the refresh token no longer works. */
export function refreshFailed(code: string): string {
  return `refresh_failed:${code}`;
}

/** True for skips that say nothing about the recipient (try again later). */
export function isTransientSkip(reason: string): boolean {
  return reason.startsWith(SkipReason.RefreshUnavailable);
}
