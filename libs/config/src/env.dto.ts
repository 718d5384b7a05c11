import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import ipaddr from 'ipaddr.js';

const URL_OPTIONS = { require_tld: false, require_protocol: true } as const;

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

const HOST_NAME =
  /^(?=.{1,253}\.?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** Splits a comma-separated list, dropping blanks. */
export function listOf(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** An address, a CIDR block or a host name; the message names the first entry that is none. */
const IsTargetList = (): PropertyDecorator =>
  ValidateBy({
    name: 'isTargetList',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && targetListProblem(value) === null,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'}: ${targetListProblem(String(args?.value)) ?? 'is invalid'}`,
    },
  });

/** Dotted-decimal IPv4 (no `127.1` or `0x7f000001` shorthands) or IPv6. */
function isPlainAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
}

function isCidrBlock(text: string): boolean {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address || !bits || !/^\d{1,3}$/.test(bits)) {
    return false;
  }
  try {
    return isPlainAddress(address) && ipaddr.parseCIDR(text).length === 2;
  } catch {
    return false;
  }
}

function targetListProblem(value: string): string | null {
  for (const entry of listOf(value)) {
    // A name ending in a number is an address to URL parsers (127.1 is 127.0.0.1): refused.
    const isHostName = HOST_NAME.test(entry) && !/(^|\.)(\d+|0x[0-9a-f]*)\.?$/i.test(entry);
    if (!isPlainAddress(entry) && !isCidrBlock(entry) && !isHostName) {
      return `"${entry}" is not an IP address, a CIDR block or a host name`;
    }
  }
  return null;
}

/**
 * Every environment variable the console reads, with its default. Validated once per process;
 * a bad value stops the process with the full list of problems.
 */
export class EnvDto {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  API_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs). Empty: the
   * socket address is the client, so nobody can fake the IP written to sessions and the audit log.
   */
  @IsString()
  TRUST_PROXY = '';

  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/kakao_console';

  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key; lets tests and several consoles share one Redis. */
  @IsString()
  @Matches(/^[a-z0-9_-]{1,32}$/i, { message: 'QUEUE_PREFIX must be 1-32 letters, digits, _ or -' })
  QUEUE_PREFIX = 'kcc';

  /** How long a worker holds a job before another may take it over (after a crash). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_LOCK_DURATION_MS = 30_000;

  /** How often workers look for jobs whose worker died. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  JOB_STALLED_INTERVAL_MS = 30_000;

  /**
   * The same two for blast jobs, which are rebuilt from the ledger when they run again: a dead
   * worker's sends are taken over within about lock + 2 × interval.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_SEND_LOCK_DURATION_MS = 5_000;

  @Transform(toInt)
  @IsInt()
  @Min(500)
  JOB_SEND_STALLED_INTERVAL_MS = 2_000;

  /** On SIGTERM, how long running jobs may take to record their calls in flight and hand back the rest. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  JOB_DRAIN_MS = 15_000;

  /** How often a worker looks whether Redis lost its keys (one command) to put repeating jobs back. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  JOB_REPEATING_CHECK_MS = 2_000;

  /** After Kakao's -10 (app daily quota) a paused blast probes again this often until midnight KST. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  BLAST_QUOTA_PROBE_MS = 15 * 60_000;

  /** How often the blast reconciler rebuilds lost jobs from the ledger and resumes due runs. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  BLAST_RECONCILE_MS = 10_000;

  /** How often the reach rollups take in what changed (clicks, deliveries, relations). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  REACH_FOLD_MS = 5_000;

  /** First retry delay of a failed webhook delivery; later ones grow ×3 (with jitter) up to 1 h. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_BASE_MS = 10_000;

  /** How often the webhook sweeper re-queues pending deliveries whose job was lost. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  WEBHOOK_SWEEP_MS = 30_000;

  /** How long one webhook POST may take before it counts as a failed attempt. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /**
   * Webhooks may reach loopback, private (RFC 1918), CGNAT and unique-local addresses: for
   * development and tests with a receiver on this machine. Never in a shared deployment.
   */
  @IsIn(['true', 'false'], { message: 'WEBHOOK_ALLOW_PRIVATE must be true or false' })
  WEBHOOK_ALLOW_PRIVATE: 'true' | 'false' = 'false';

  /**
   * Non-public webhook targets the operator admits, comma-separated: host names (exactly that
   * name, not its subdomains), IP addresses or CIDR blocks. Everything else must be public.
   */
  @IsString()
  @IsTargetList()
  WEBHOOK_ALLOWED_HOSTS = '';

  /**
   * The address people and Kakao reach the API at (no trailing slash needed): builds the opt-in
   * pages' OAuth redirect URI (`<PUBLIC_BASE_URL>/join/<channel>/callback`).
   */
  @IsUrl(URL_OPTIONS)
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  @IsUrl(URL_OPTIONS)
  KAKAO_API_BASE_URL = 'http://127.0.0.1:4010';

  @IsUrl(URL_OPTIONS)
  KAKAO_AUTH_BASE_URL = 'http://127.0.0.1:4010';

  @IsOptional()
  @IsString()
  KAKAO_REST_API_KEY?: string = undefined;

  @IsOptional()
  @IsString()
  KAKAO_ADMIN_KEY?: string = undefined;

  @IsOptional()
  @IsString()
  KAKAO_CLIENT_SECRET?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  KAKAO_TIMEOUT_MS = 10_000;

  /** 32 bytes, base64: encrypts Kakao keys and tokens at rest (AES-256-GCM). */
  @IsString()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'SECRETS_KEY must be 32 bytes in base64' })
  SECRETS_KEY = 'ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

/** Keys whose values are never printed. */
export const SECRET_ENV_KEYS: ReadonlySet<keyof EnvDto> = new Set<keyof EnvDto>([
  'KAKAO_ADMIN_KEY',
  'KAKAO_CLIENT_SECRET',
  'KAKAO_REST_API_KEY',
  'SECRETS_KEY',
]);
