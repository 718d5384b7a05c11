import { type AuthUserResponse, type LoginResponse } from '@app/accounts';

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  /** Parsed JSON; undefined for empty bodies (204). */
  body: T;
}

/** A signed-in HTTP client for e2e tests: JSON in and out, bearer token and channel header set. */
export interface ApiClient {
  readonly token: string;
  readonly user: AuthUserResponse;
  /** The channel sent as X-Channel-Id, if any. */
  readonly channelId: string | undefined;
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string): Promise<ApiResponse<T>>;
  /** The same session, sending another X-Channel-Id. */
  inChannel(channelId: string | undefined): ApiClient;
}

export interface Credentials {
  email: string;
  password: string;
  /** Sent as X-Channel-Id on every request; needed when the user belongs to several channels. */
  channelId?: string;
  /** Sent on every request, login included (e.g. `x-forwarded-for` to pose as another address). */
  headers?: Record<string, string>;
}

/** fetch with JSON handling; `path` starts with /api. */
export async function apiRequest<T = unknown>(
  apiUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

function clientFor(
  apiUrl: string,
  login: LoginResponse,
  channelId: string | undefined,
  defaultHeaders: Record<string, string>,
): ApiClient {
  const request = <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> =>
    apiRequest<T>(apiUrl, method, path, {
      body,
      headers: {
        ...defaultHeaders,
        authorization: `Bearer ${login.token}`,
        ...(channelId === undefined ? {} : { 'x-channel-id': channelId }),
        ...headers,
      },
    });
  return {
    token: login.token,
    user: login.user,
    channelId,
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    inChannel: (other) => clientFor(apiUrl, login, other, defaultHeaders),
  };
}

/** Logs in through `POST /api/auth/login` and returns a client carrying the token. */
export async function createAuthedClient(
  apiUrl: string,
  credentials: Credentials,
): Promise<ApiClient> {
  const login = await apiRequest<LoginResponse>(apiUrl, 'POST', '/api/auth/login', {
    body: { email: credentials.email, password: credentials.password },
    headers: credentials.headers,
  });
  if (login.status !== 200) {
    throw new Error(
      `Login as ${credentials.email} answered ${login.status}: ${JSON.stringify(login.body)}`,
    );
  }
  return clientFor(apiUrl, login.body, credentials.channelId, credentials.headers ?? {});
}
