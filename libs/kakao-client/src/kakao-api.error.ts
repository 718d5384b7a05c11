import { isQuotaCode, isRetryableFailure } from './retry-policy';

/**
 * What failed:
 * - `api`: kapi answered `{msg, code}` (1.4); branch on `code`.
 * - `oauth`: kauth answered `{error, error_description, error_code}` (2.7); branch on `errorCode`.
 * - `http`: a non-2xx answer whose body is neither shape (e.g. a proxy's HTML 502), or a 2xx
 *   answer that is not JSON.
 * - `network`: no HTTP answer (connection refused or reset, DNS, socket closed).
 * - `timeout`: no complete answer within the per-call timeout.
 */
export type KakaoErrorKind = 'api' | 'oauth' | 'http' | 'network' | 'timeout';

/** Codes of section 9.2 the console branches on. */
export const KakaoErrorCode = {
  InternalError: -1,
  InvalidParameter: -2,
  NotConfigured: -3,
  AccountSanctioned: -4,
  NoPermission: -5,
  NotAllowed: -6,
  Maintenance: -7,
  InvalidHeader: -8,
  ApiRetired: -9,
  QuotaExceeded: -10,
  SpendingCapExceeded: -11,
  AppSanctioned: -12,
  NotLinked: -101,
  InvalidToken: -401,
  InsufficientScope: -402,
  UnderAge: -406,
  NotTalkUser: -501,
  NotFriend: -502,
  RecipientRefuses: -530,
  SenderMonthlyQuota: -531,
  SenderDailyQuota: -532,
  RecipientDailyQuota: -533,
  PairDailyQuota: -536,
  ChannelMissing: -541,
  ChannelSanctioned: -544,
  InternalTimeout: -603,
  ChannelNotConnected: -819,
  UnregisteredDeveloper: -903,
  ServiceMaintenance: -9798,
} as const;

export type KakaoErrorCodeName = keyof typeof KakaoErrorCode;

export interface KakaoApiErrorInit {
  kind: KakaoErrorKind;
  /** HTTP status; 0 when there was no HTTP answer (network, timeout). */
  status: number;
  msg: string;
  /** kapi code (negative integer); absent for OAuth, HTTP, network and timeout failures. */
  code?: number;
  /** OAuth `error`, e.g. `invalid_grant`. */
  error?: string;
  /** OAuth `error_code`, e.g. `KOE320`. */
  errorCode?: string;
  apiType?: string;
  requiredScopes?: readonly string[];
  allowedScopes?: readonly string[];
  method?: string;
  path?: string;
  cause?: unknown;
}

/** The one error the client throws for anything Kakao (or the way to it) answered badly. */
export class KakaoApiError extends Error {
  readonly kind: KakaoErrorKind;
  readonly status: number;
  readonly code: number | undefined;
  readonly msg: string;
  readonly error: string | undefined;
  readonly errorCode: string | undefined;
  readonly apiType: string | undefined;
  readonly requiredScopes: readonly string[] | undefined;
  readonly allowedScopes: readonly string[] | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Whether the retry policy of 9.4 allows another attempt. */
  readonly retryable: boolean;
  /** An app (-10) or message (-531/-532/-533/-536) quota: reschedule after the quota window. */
  readonly quotaExceeded: boolean;

  constructor(init: KakaoApiErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'KakaoApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.msg = init.msg;
    this.error = init.error;
    this.errorCode = init.errorCode;
    this.apiType = init.apiType;
    this.requiredScopes = init.requiredScopes;
    this.allowedScopes = init.allowedScopes;
    this.method = init.method;
    this.path = init.path;
    this.retryable = isRetryableFailure(init);
    this.quotaExceeded = init.code !== undefined && isQuotaCode(init.code);
  }
}

/** A call needs a key the channel (and the client's defaults) do not have: nothing was sent. */
export class KakaoKeyMissingError extends Error {
  constructor(readonly key: 'adminKey' | 'restApiKey') {
    super(
      key === 'adminKey'
        ? 'KakaoClient: no admin key: pass { adminKey } or configure KAKAO_ADMIN_KEY'
        : 'KakaoClient: no REST API key: pass { restApiKey } or configure KAKAO_REST_API_KEY',
    );
    this.name = 'KakaoKeyMissingError';
  }
}

export function isKakaoApiError(value: unknown, code?: number): value is KakaoApiError {
  return value instanceof KakaoApiError && (code === undefined || value.code === code);
}

function describe(init: KakaoApiErrorInit): string {
  const where = init.method && init.path ? ` (${init.method} ${init.path})` : '';
  switch (init.kind) {
    case 'api':
      return `Kakao API error ${init.code ?? '?'} [HTTP ${init.status}]: ${init.msg}${where}`;
    case 'oauth':
      return `Kakao OAuth error ${init.errorCode ?? init.error ?? '?'} [HTTP ${init.status}]: ${init.msg}${where}`;
    case 'http':
      return `Kakao HTTP ${init.status}: ${init.msg}${where}`;
    case 'network':
      return `Kakao network error: ${init.msg}${where}`;
    case 'timeout':
      return `Kakao call timed out: ${init.msg}${where}`;
  }
}
