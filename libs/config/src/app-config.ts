import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import { EnvDto, listOf, SECRET_ENV_KEYS } from './env.dto';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

export interface DatabaseConfig {
  url: string;
  /** Database name taken from the URL; created when missing by the start script and tests. */
  name: string;
}

export interface RedisConfig {
  url: string;
  queuePrefix: string;
}

export interface BlastsConfig {
  quotaProbeMs: number;
  reconcileMs: number;
}

export interface ReachConfig {
  foldMs: number;
}

export interface WebhooksConfig {
  retryBaseMs: number;
  sweepMs: number;
  timeoutMs: number;
  /** Loopback, private, CGNAT and unique-local targets are admitted (development, tests). */
  allowPrivateTargets: boolean;
  /** Host names, addresses and CIDR blocks admitted although not public. */
  allowedTargets: string[];
}

export interface JobsConfig {
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** Lock and stalled check of blast jobs (short: they are rebuilt from the ledger). */
  sendLockDurationMs: number;
  sendStalledIntervalMs: number;
  /** Bounded wait for running jobs on shutdown. */
  drainMs: number;
  repeatingCheckMs: number;
}

export interface KakaoConfig {
  apiBaseUrl: string;
  authBaseUrl: string;
  restApiKey?: string;
  adminKey?: string;
  clientSecret?: string;
  timeoutMs: number;
}

export interface HttpConfig {
  host: string;
  port: number;
}

export interface ApiConfig extends HttpConfig {
  /** Addresses or CIDRs of trusted reverse proxies; empty trusts none. */
  trustedProxies: string[];
}

/** Typed, validated view of the environment. Build it with `loadConfig()`. */
export class AppConfig {
  readonly env: EnvDto['NODE_ENV'];
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
  readonly jobs: JobsConfig;
  readonly blasts: BlastsConfig;
  readonly webhooks: WebhooksConfig;
  readonly reach: ReachConfig;
  readonly kakao: KakaoConfig;
  readonly api: ApiConfig;
  /** Where people and Kakao reach the API (opt-in redirect URIs); no trailing slash. */
  readonly publicBaseUrl: string;
  readonly workerHealth: HttpConfig;
  readonly secretsKey: Buffer;
  readonly logLevel: EnvDto['LOG_LEVEL'];

  constructor(private readonly values: EnvDto) {
    this.env = values.NODE_ENV;
    this.database = {
      url: values.DATABASE_URL,
      name: decodeURIComponent(new URL(values.DATABASE_URL).pathname.slice(1)) || 'postgres',
    };
    this.redis = { url: values.REDIS_URL, queuePrefix: values.QUEUE_PREFIX };
    this.jobs = {
      lockDurationMs: values.JOB_LOCK_DURATION_MS,
      stalledIntervalMs: values.JOB_STALLED_INTERVAL_MS,
      sendLockDurationMs: values.JOB_SEND_LOCK_DURATION_MS,
      sendStalledIntervalMs: values.JOB_SEND_STALLED_INTERVAL_MS,
      drainMs: values.JOB_DRAIN_MS,
      repeatingCheckMs: values.JOB_REPEATING_CHECK_MS,
    };
    this.blasts = {
      quotaProbeMs: values.BLAST_QUOTA_PROBE_MS,
      reconcileMs: values.BLAST_RECONCILE_MS,
    };
    this.reach = { foldMs: values.REACH_FOLD_MS };
    this.webhooks = {
      retryBaseMs: values.WEBHOOK_RETRY_BASE_MS,
      sweepMs: values.WEBHOOK_SWEEP_MS,
      timeoutMs: values.WEBHOOK_TIMEOUT_MS,
      allowPrivateTargets: values.WEBHOOK_ALLOW_PRIVATE === 'true',
      allowedTargets: listOf(values.WEBHOOK_ALLOWED_HOSTS),
    };
    this.kakao = {
      apiBaseUrl: values.KAKAO_API_BASE_URL.replace(/\/+$/, ''),
      authBaseUrl: values.KAKAO_AUTH_BASE_URL.replace(/\/+$/, ''),
      restApiKey: values.KAKAO_REST_API_KEY,
      adminKey: values.KAKAO_ADMIN_KEY,
      clientSecret: values.KAKAO_CLIENT_SECRET,
      timeoutMs: values.KAKAO_TIMEOUT_MS,
    };
    this.api = {
      host: values.API_HOST,
      port: values.API_PORT,
      trustedProxies: values.TRUST_PROXY.split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    };
    this.publicBaseUrl = values.PUBLIC_BASE_URL.replace(/\/+$/, '');
    this.workerHealth = { host: values.API_HOST, port: values.WORKER_HEALTH_PORT };
    this.secretsKey = Buffer.from(values.SECRETS_KEY, 'base64');
    this.logLevel = values.LOG_LEVEL;
  }

  /** The configuration with secrets masked, for start-up logs. */
  describe(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.values) as [keyof EnvDto, unknown][]) {
      if (value === undefined) {
        continue;
      }
      out[key] = SECRET_ENV_KEYS.has(key) ? '****' : `${value as string | number}`;
    }
    return out;
  }
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
}

/** Reads and validates the environment; throws one error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvDto());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') {
      raw[key] = value;
    }
  }
  const dto = plainToInstance(EnvDto, raw, { exposeDefaultValues: true });
  const problems = flatten(validateSync(dto, { forbidUnknownValues: false }));
  if (problems.length > 0) {
    throw new ConfigValidationError(problems);
  }
  return new AppConfig(dto);
}
