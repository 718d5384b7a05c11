// What every endpoint group shares: which host, which credential, and where the parameters go
// (query for GET/DELETE, form body for POST; contract 1.1).

import { KakaoKeyMissingError } from './kakao-api.error';
import { type KakaoClientOptions } from './kakao-client.options';
import { EncodedForm, type HttpMethod, type KakaoHttp } from './kakao-http';
import { type JsonObject } from './kakao-response';
import { type WireParams } from './wire-encoding';

/** Per-call settings that override the client's defaults. */
export interface CallOptions {
  timeoutMs?: number;
  retries?: number;
}

/** Admin-key calls may act for another app: the console manages one app per channel. */
export interface AdminCallOptions extends CallOptions {
  adminKey?: string;
}

export class KakaoRequester {
  constructor(
    private readonly http: KakaoHttp,
    readonly options: Readonly<KakaoClientOptions>,
  ) {}

  /** A kapi call with a user's access token (`Authorization: Bearer …`). */
  user(
    accessToken: string,
    method: HttpMethod,
    path: string,
    params?: WireParams | EncodedForm,
    call?: CallOptions,
  ): Promise<JsonObject> {
    return this.kapi(
      method,
      path,
      `Bearer ${requireCredential(accessToken, 'access token')}`,
      params,
      call,
    );
  }

  /** A kapi call with an app admin key (`Authorization: KakaoAK …`). */
  admin(
    method: HttpMethod,
    path: string,
    params?: WireParams,
    call?: AdminCallOptions,
  ): Promise<JsonObject> {
    const key = call?.adminKey ?? this.options.adminKey;
    if (key === undefined || key.length === 0) {
      throw new KakaoKeyMissingError('adminKey');
    }
    return this.kapi(method, path, `KakaoAK ${key}`, params, call);
  }

  /** A kauth call (OAuth); its credentials travel in the form. */
  auth(path: string, form: WireParams, call?: CallOptions): Promise<JsonObject> {
    return this.http.send({
      method: 'POST',
      baseUrl: this.options.authBaseUrl,
      path,
      form,
      timeoutMs: call?.timeoutMs,
      retries: call?.retries,
    });
  }

  private kapi(
    method: HttpMethod,
    path: string,
    authorization: string,
    params: WireParams | EncodedForm | undefined,
    call: CallOptions | undefined,
  ): Promise<JsonObject> {
    const inBody = method === 'POST';
    if (!inBody && params instanceof EncodedForm) {
      throw new Error(`KakaoClient: ${method} ${path} takes query parameters, not a form`);
    }
    return this.http.send({
      method,
      baseUrl: this.options.apiBaseUrl,
      path,
      authorization,
      query: inBody ? undefined : (params as WireParams | undefined),
      form: inBody ? (params ?? {}) : undefined,
      timeoutMs: call?.timeoutMs,
      retries: call?.retries,
    });
  }
}

function requireCredential(value: string, what: string): string {
  if (value.length === 0) {
    throw new Error(`KakaoClient: missing ${what}`);
  }
  return value;
}
