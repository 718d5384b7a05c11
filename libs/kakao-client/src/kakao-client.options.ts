import { type BackoffOptions, DEFAULT_BACKOFF } from './retry-policy';

export interface KakaoClientOptions {
  /** Base URL of kapi; real Kakao: `https://kapi.kakao.com`. */
  apiBaseUrl: string;
  /** Base URL of kauth; real Kakao: `https://kauth.kakao.com`. */
  authBaseUrl: string;
  /** The app's REST API key: `client_id` of the OAuth calls. */
  restApiKey?: string;
  /** Default admin key for `KakaoAK` calls; each admin call may override it. */
  adminKey?: string;
  /** Sent as `client_secret` on token calls when the app enables it. */
  clientSecret?: string;
  /** Deadline of one attempt, queueing in the pool included. */
  timeoutMs: number;
  /** Retries after the first attempt for retryable failures (9.4). */
  retries: number;
  backoff: BackoffOptions;
  /** Upper bound of keep-alive connections per origin. */
  connections: number;
  /** Send the public-event `banner` (11.6); turn off if the real API rejects it. */
  sendBanner: boolean;
}

/** Where the sandbox listens by default (`npm run start:sandbox`). */
export const SANDBOX_BASE_URL = 'http://127.0.0.1:4010';

export const DEFAULT_KAKAO_CLIENT_OPTIONS: Readonly<KakaoClientOptions> = Object.freeze({
  apiBaseUrl: SANDBOX_BASE_URL,
  authBaseUrl: SANDBOX_BASE_URL,
  timeoutMs: 10_000,
  retries: 3,
  backoff: DEFAULT_BACKOFF,
  connections: 128,
  sendBanner: true,
});

/** What callers pass: any subset of the options, the backoff too. */
export type KakaoClientInit = Partial<Omit<KakaoClientOptions, 'backoff'>> & {
  backoff?: Partial<BackoffOptions>;
};

/** Fills defaults and checks what would otherwise fail late. */
export function resolveKakaoClientOptions(init: KakaoClientInit = {}): KakaoClientOptions {
  const options: KakaoClientOptions = {
    ...DEFAULT_KAKAO_CLIENT_OPTIONS,
    ...definedOnly(init),
    backoff: { ...DEFAULT_KAKAO_CLIENT_OPTIONS.backoff, ...definedOnly(init.backoff ?? {}) },
  };
  for (const key of ['apiBaseUrl', 'authBaseUrl'] as const) {
    const url = parseUrl(options[key]);
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new Error(
        `KakaoClient: ${key} must be an http(s) URL, got ${JSON.stringify(options[key])}`,
      );
    }
  }
  requireInteger('timeoutMs', options.timeoutMs, 1);
  requireInteger('retries', options.retries, 0);
  requireInteger('connections', options.connections, 1);
  requireInteger('backoff.baseMs', options.backoff.baseMs, 0);
  requireInteger('backoff.maxMs', options.backoff.maxMs, options.backoff.baseMs);
  return options;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Options from `KAKAO_API_BASE_URL`, `KAKAO_AUTH_BASE_URL` (both default to the sandbox),
 * `KAKAO_REST_API_KEY`, `KAKAO_ADMIN_KEY`, `KAKAO_CLIENT_SECRET` and `KAKAO_TIMEOUT_MS`.
 */
export function kakaoClientOptionsFromEnv(env: Env = process.env): KakaoClientOptions {
  const timeout = nonEmpty(env.KAKAO_TIMEOUT_MS);
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new Error(`KAKAO_TIMEOUT_MS must be a positive integer, got ${JSON.stringify(timeout)}`);
  }
  return resolveKakaoClientOptions({
    apiBaseUrl: nonEmpty(env.KAKAO_API_BASE_URL),
    authBaseUrl: nonEmpty(env.KAKAO_AUTH_BASE_URL),
    restApiKey: nonEmpty(env.KAKAO_REST_API_KEY),
    adminKey: nonEmpty(env.KAKAO_ADMIN_KEY),
    clientSecret: nonEmpty(env.KAKAO_CLIENT_SECRET),
    timeoutMs,
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed.length === 0 ? undefined : trimmed;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`KakaoClient: ${name} must be an integer >= ${min}, got ${value}`);
  }
}
