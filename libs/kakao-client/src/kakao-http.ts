// The transport: one keep-alive undici Pool per origin, per-attempt deadlines, retries with
// backoff for retryable failures only, Kakao's encodings and lenient answer parsing.

import { Pool } from 'undici';

import { type ExchangeAnswer, ExchangeTimeoutError, exchange } from './buffered-exchange';
import { KakaoApiError } from './kakao-api.error';
import { observeKakaoCall } from './kakao-call-metrics';
import { errorFromBody, type JsonObject, successBody } from './kakao-response';
import { type BackoffOptions, retryWithBackoff, type Sleep } from './retry-policy';
import { encodeParams, type WireParams, withQuery } from './wire-encoding';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

/** A form body encoded ahead of time, e.g. a template sent to many recipients. */
export class EncodedForm {
  constructor(readonly text: string) {}
}

export interface HttpCall {
  method: HttpMethod;
  /** Base URL (origin plus optional path prefix) the path is appended to. */
  baseUrl: string;
  /** Path from the base, starting with `/`. */
  path: string;
  /** Complete `Authorization` header value, e.g. `Bearer …` or `KakaoAK …`. */
  authorization?: string;
  query?: WireParams;
  form?: WireParams | EncodedForm;
  timeoutMs?: number;
  retries?: number;
}

export interface KakaoHttpOptions {
  timeoutMs: number;
  retries: number;
  backoff: BackoffOptions;
  connections: number;
  /** Test hooks for deterministic backoff. */
  random?: () => number;
  sleep?: Sleep;
}

interface Target {
  pool: Pool;
  prefix: string;
}

export class KakaoHttp {
  private readonly targets = new Map<string, Target>();
  private readonly pools = new Map<string, Pool>();
  private closed = false;

  constructor(private readonly options: KakaoHttpOptions) {}

  /** Sends the call (retrying per 9.4) and answers the JSON object of the 2xx answer. */
  send(call: HttpCall): Promise<JsonObject> {
    const target = this.target(call.baseUrl);
    const path = withQuery(target.prefix + call.path, call.query);
    const body =
      call.form === undefined
        ? undefined
        : call.form instanceof EncodedForm
          ? call.form.text
          : encodeParams(call.form);
    const headers: string[] = [];
    if (call.authorization !== undefined) {
      headers.push('authorization', call.authorization);
    }
    if (body !== undefined) {
      headers.push('content-type', FORM_CONTENT_TYPE);
    }
    const timeoutMs = call.timeoutMs ?? this.options.timeoutMs;
    const retries = call.retries ?? this.options.retries;
    const attempt = (): Promise<JsonObject> =>
      observeKakaoCall(call.path, () =>
        this.attempt(target.pool, call.method, path, headers, body, timeoutMs),
      );
    if (retries === 0) {
      return attempt();
    }
    return retryWithBackoff(attempt, {
      retries,
      backoff: this.options.backoff,
      shouldRetry: (error) => error instanceof KakaoApiError && error.retryable,
      random: this.options.random,
      sleep: this.options.sleep,
    });
  }

  /** Closes every pool, letting in-flight calls finish. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    this.targets.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  private target(baseUrl: string): Target {
    const known = this.targets.get(baseUrl);
    if (known !== undefined) {
      return known;
    }
    if (this.closed) {
      throw new Error('KakaoClient is closed');
    }
    const url = new URL(baseUrl);
    let pool = this.pools.get(url.origin);
    if (pool === undefined) {
      pool = new Pool(url.origin, {
        connections: this.options.connections,
        pipelining: 1,
      });
      this.pools.set(url.origin, pool);
    }
    const target: Target = { pool, prefix: url.pathname.replace(/\/+$/, '') };
    this.targets.set(baseUrl, target);
    return target;
  }

  private async attempt(
    pool: Pool,
    method: HttpMethod,
    path: string,
    headers: string[],
    body: string | undefined,
    timeoutMs: number,
  ): Promise<JsonObject> {
    let answer: ExchangeAnswer;
    try {
      answer = await exchange(pool, { method, path, headers, body }, timeoutMs);
    } catch (error) {
      throw transportError(error, method, path);
    }
    const context = { status: answer.status, method, path: stripQuery(path) };
    if (answer.status >= 200 && answer.status < 300) {
      return successBody(answer.text, context);
    }
    throw errorFromBody(answer.text, context);
  }
}

function transportError(error: unknown, method: string, path: string): unknown {
  const where = { status: 0, method, path: stripQuery(path), cause: error };
  if (error instanceof ExchangeTimeoutError) {
    return new KakaoApiError({ ...where, kind: 'timeout', msg: error.message });
  }
  if (isUsageError(error)) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new KakaoApiError({ ...where, kind: 'network', msg: message });
}

/** undici's answers to misuse (bad arguments, a closed pool): bugs, not network trouble. */
const USAGE_ERROR_CODES: ReadonlySet<unknown> = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

function isUsageError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    USAGE_ERROR_CODES.has(error.code)
  );
}

/** Paths in errors and logs never carry the query (it may hold ids of users). */
function stripQuery(path: string): string {
  const index = path.indexOf('?');
  return index === -1 ? path : path.slice(0, index);
}
