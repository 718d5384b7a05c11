// Shared setup of the contract suite: the sandbox started in-process on a free port, a typed
// wrapper of its `/__sandbox/` control API (test-only; never production code), and a
// KakaoClient per sandbox app.

import { request } from 'undici';

import { type SandboxAppInfo as SandboxApp, type SandboxUser } from '@app/console-http';
import {
  isKakaoApiError,
  type KakaoApiError,
  KakaoClient,
  type KakaoClientInit,
  timedEventTime,
  type EventCreate,
  type KakaoTime,
} from '@app/kakao-client';
import { startSandbox } from '@app/kakao-sandbox';

import { PARITY_TARGET, type ParityTarget } from './parity';

export type Scope =
  | 'talk_calendar'
  | 'talk_calendar_task'
  | 'talk_message'
  | 'friends'
  | 'plusfriends'
  | LoginConsentItem;

export const ALL_SCOPES: readonly Scope[] = [
  'talk_calendar',
  'talk_calendar_task',
  'talk_message',
  'friends',
  'plusfriends',
];

export interface AppQuotas {
  talk_calendar_daily?: number;
  talk_message_daily?: number;
  sender_daily?: number;
  recipient_daily?: number;
  pair_daily?: number;
}

export interface CreateAppInput {
  name?: string;
  channels?: { public_id?: string; name?: string }[];
  subscribe_calendars?: { name: string; channel_public_id?: string; [key: string]: unknown }[];
  permissions?: { calendar?: boolean; message?: boolean };
  quotas?: AppQuotas;
  redirect_uris?: string[];
  require_client_secret?: boolean;
  /** Kakao Login consent items the app enables (default: profile_nickname, profile_image). */
  consent_items?: LoginConsentItem[];
}

export type LoginConsentItem = 'profile_nickname' | 'profile_image' | 'account_email' | 'openid';

export type { SandboxAppInfo as SandboxApp, SandboxUser } from '@app/console-http';

export interface CreateUserInput {
  nickname?: string;
  scopes?: readonly Scope[];
  talk_user?: boolean;
  team_member?: boolean;
}

export interface FaultInput {
  method?: string;
  path: string;
  probability: number;
  status?: number;
  code?: number;
  delay_ms?: number;
  drop?: boolean;
  remaining?: number;
}

export interface DeliveredMessage {
  message_id: string;
  [key: string]: unknown;
}

export interface ControlAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** The sandbox's control API, JSON in and out. */
export class SandboxControl {
  constructor(readonly baseUrl: string) {}

  async raw(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<ControlAnswer> {
    const response = await request(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: await response.body.text(),
    };
  }

  async json<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const answer = await this.raw(method, path, body);
    if (answer.status >= 300) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text}`);
    }
    return (answer.text.length === 0 ? {} : JSON.parse(answer.text)) as T;
  }

  createApp(input: CreateAppInput = {}): Promise<SandboxApp> {
    return this.json('POST', '/__sandbox/apps', {
      name: 'contract',
      channels: [{ name: 'Contract channel' }],
      ...input,
    });
  }

  createUser(app: SandboxApp, input: CreateUserInput = {}): Promise<SandboxUser> {
    return this.json('POST', `/__sandbox/apps/${app.app_id}/users`, {
      scopes: ALL_SCOPES,
      ...input,
    });
  }

  async bulkUsers(
    app: SandboxApp,
    count: number,
    scopes: readonly Scope[] = ALL_SCOPES,
  ): Promise<SandboxUser[]> {
    const answer = await this.json<{ users: SandboxUser[] }>(
      'POST',
      `/__sandbox/apps/${app.app_id}/users/bulk`,
      { count, scopes },
    );
    return answer.users;
  }

  async befriend(app: SandboxApp, a: SandboxUser, b: SandboxUser): Promise<void> {
    await this.json('POST', `/__sandbox/apps/${app.app_id}/friendships`, {
      user_id: a.user_id,
      friend_user_id: b.user_id,
    });
  }

  async invite(eventId: string, guest: SandboxUser): Promise<void> {
    await this.json('POST', `/__sandbox/events/${encodeURIComponent(eventId)}/guests`, {
      user_id: guest.user_id,
    });
  }

  async setChannelRelation(
    user: SandboxUser,
    channelPublicId: string,
    relation: 'ADDED' | 'BLOCKED' | 'NONE',
  ): Promise<void> {
    await this.json('POST', `/__sandbox/users/${user.user_id}/channels`, {
      channel_public_id: channelPublicId,
      relation,
    });
  }

  async expireToken(accessToken: string): Promise<void> {
    await this.json('POST', `/__sandbox/tokens/${encodeURIComponent(accessToken)}/expire`, {});
  }

  async messagesOf(user: SandboxUser): Promise<DeliveredMessage[]> {
    const answer = await this.json<{ messages: DeliveredMessage[] } | DeliveredMessage[]>(
      'GET',
      `/__sandbox/users/${user.user_id}/messages`,
    );
    return Array.isArray(answer) ? answer : answer.messages;
  }

  async tap(messageId: string, button?: 'fixed' | 'custom'): Promise<void> {
    await this.json('POST', `/__sandbox/messages/${encodeURIComponent(messageId)}/tap`, {
      ...(button === undefined ? {} : { button }),
    });
  }

  stats<T>(app: SandboxApp): Promise<T> {
    return this.json('GET', `/__sandbox/stats?app_id=${app.app_id}`);
  }

  async addFault(fault: FaultInput): Promise<void> {
    await this.json('POST', '/__sandbox/faults', fault);
  }

  async clearFaults(): Promise<void> {
    await this.json('DELETE', '/__sandbox/faults');
  }

  async advanceClock(ms: number): Promise<void> {
    await this.json('POST', '/__sandbox/clock', { advance_ms: ms });
  }

  async setClock(iso: string): Promise<void> {
    await this.json('POST', '/__sandbox/clock', { set: iso });
  }
}

/**
 * Stands in for the control API in parity mode: the real Kakao API has none, so every call
 * fails loudly (and is counted) instead of reaching some host.
 */
export class ParityControlGuard extends SandboxControl {
  attempts = 0;

  override raw(method: 'GET' | 'POST' | 'DELETE', path: string): Promise<ControlAnswer> {
    this.attempts += 1;
    return Promise.reject(
      new Error(`${method} ${path}: the sandbox control API is not available in parity mode`),
    );
  }
}

export interface ContractHarness {
  url: string;
  /** Set in parity mode: the remote target this harness speaks to. */
  parity?: ParityTarget;
  /** Where kapi paths go (`/v2/api/...`, `/v2/user/me`). */
  apiBaseUrl: string;
  /** Where kauth paths go (`/oauth/...`, `/.well-known/...`). */
  authBaseUrl: string;
  control: SandboxControl;
  /** A client bound to the app's keys (admin key, REST API key, client secret). */
  clientFor(app: SandboxApp, init?: KakaoClientInit): KakaoClient;
  close(): Promise<void>;
}

/** The keys of the parity target in the shape of a sandbox app, for code that takes one. */
export function parityApp(target: ParityTarget): SandboxApp {
  return {
    app_id: 0,
    rest_api_key: target.restApiKey,
    admin_key: target.adminKey,
    client_secret: target.clientSecret ?? '',
    channels: [{ channel_public_id: target.channelPublicId, name: target.channelPublicId }],
    subscribe_calendars: [],
  };
}

/** A harness aimed at a remote API (parity mode): no sandbox, no control API. */
export function remoteHarness(target: ParityTarget): ContractHarness {
  const clients: KakaoClient[] = [];
  return {
    url: target.apiBaseUrl,
    parity: target,
    apiBaseUrl: target.apiBaseUrl,
    authBaseUrl: target.authBaseUrl,
    control: new ParityControlGuard(target.apiBaseUrl),
    clientFor(_app, init = {}) {
      const client = new KakaoClient({
        apiBaseUrl: target.apiBaseUrl,
        authBaseUrl: target.authBaseUrl,
        adminKey: target.adminKey,
        restApiKey: target.restApiKey,
        clientSecret: target.clientSecret,
        timeoutMs: 10_000,
        ...init,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}

/**
 * Starts a sandbox for one test file (call `close()` in afterAll); in parity mode
 * (`KAKAO_PARITY=1`) answers a harness aimed at the configured remote API instead.
 */
export async function startContractHarness(
  parity: ParityTarget | undefined = PARITY_TARGET,
): Promise<ContractHarness> {
  if (parity !== undefined) {
    return remoteHarness(parity);
  }
  const sandbox = await startSandbox({ port: 0, silent: true });
  const url = sandbox.url.replace(/\/+$/, '');
  const clients: KakaoClient[] = [];
  return {
    url,
    apiBaseUrl: url,
    authBaseUrl: url,
    control: new SandboxControl(url),
    clientFor(app, init = {}) {
      const client = new KakaoClient({
        apiBaseUrl: url,
        authBaseUrl: url,
        adminKey: app.admin_key,
        restApiKey: app.rest_api_key,
        clientSecret: app.client_secret,
        backoff: { baseMs: 1, maxMs: 20 },
        timeoutMs: 5_000,
        ...init,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await sandbox.close();
    },
  };
}

/** The KakaoApiError a promise rejects with; fails the test when it resolves. */
export async function kakaoError(promise: Promise<unknown>): Promise<KakaoApiError> {
  try {
    await promise;
  } catch (error) {
    if (isKakaoApiError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a KakaoApiError, but the call succeeded');
}

/** Expects the call to fail with the given kapi code (and HTTP status when given). */
export async function expectCode(
  promise: Promise<unknown>,
  code: number,
  status?: number,
): Promise<KakaoApiError> {
  const error = await kakaoError(promise);
  expect({ kind: error.kind, code: error.code, msg: error.msg }).toEqual({
    kind: 'api',
    code,
    msg: expect.any(String) as unknown,
  });
  if (status !== undefined) {
    expect(error.status).toBe(status);
  }
  return error;
}

const HOUR = 3_600_000;

/** A timed span `hours` long starting at the given UTC instant. */
export function hoursFrom(iso: string, hours = 1): KakaoTime {
  const start = Date.parse(iso);
  return timedEventTime({ start, end: start + hours * HOUR });
}

/** A valid personal event one hour long. */
export function sampleEvent(overrides: Partial<EventCreate> = {}): EventCreate {
  return {
    title: 'Contract event',
    time: hoursFrom('2030-05-01T03:00:00Z'),
    ...overrides,
  };
}
