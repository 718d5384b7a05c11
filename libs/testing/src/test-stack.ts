import { randomBytes } from 'node:crypto';

import { type INestApplicationContext } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

import { Role, UsersService } from '@app/accounts';
import { type ChannelEntity, ChannelsService } from '@app/channels';
import { getConfig } from '@app/config';
import { createSandboxApp, type SandboxAppInfo } from '@app/console-http';
import { type RunningSandbox, startSandbox } from '@app/kakao-sandbox';

import { createApiApp } from '@apps/api';
import { createWorkerApp } from '@apps/worker';

import { closeApiApp } from './close-api';
import { createTestDatabase, type TestDatabase } from './test-database';
import { overrideEnv, uniqueQueuePrefix } from './test-env';

export const TEST_PASSWORD = 'test-password-1';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestStackOptions {
  /** Run an in-process worker (default true). */
  worker?: boolean;
  /** Extra environment for the apps. */
  env?: Record<string, string>;
  /** A Postgres server of the test's own (chaos tests); default the shared one. */
  postgresUrl?: string;
  /** A Redis of the test's own (chaos tests); default the shared one. */
  redisUrl?: string;
  /** Extra fields for the sandbox app (`quotas`, `permissions`, ...). */
  sandboxApp?: Record<string, unknown>;
}

export interface TestStack {
  apiUrl: string;
  sandboxUrl: string;
  sandbox: RunningSandbox;
  sandboxApp: SandboxAppInfo;
  database: TestDatabase;
  channel: ChannelEntity;
  api: NestFastifyApplication;
  worker: INestApplicationContext | undefined;
  /** The environment the apps run with, for spawning worker processes. */
  env: Record<string, string>;
  /** `role@<suffix>.test` users, one per role, in the channel. */
  emailOf(role: Role): string;
  tokenFor(role: Role): Promise<string>;
  call<T = unknown>(
    role: Role | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer<T>>;
  startWorker(): Promise<INestApplicationContext>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole console in one test process: its own database (cloned template), its own queue
 * prefix, an in-process sandbox with an app and channel, the API on a free port, and a worker.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const database = await createTestDatabase(options.postgresUrl);
  const sandbox = await startSandbox({ port: 0, silent: true });
  const sandboxApp = await createSandboxApp(sandbox.url, options.sandboxApp);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: uniqueQueuePrefix(),
    KAKAO_API_BASE_URL: sandbox.url,
    KAKAO_AUTH_BASE_URL: sandbox.url,
    API_PORT: '0',
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'error',
    JOB_LOCK_DURATION_MS: '3000',
    JOB_STALLED_INTERVAL_MS: '1000',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  const restoreEnv = overrideEnv(env);
  const api = await createApiApp(getConfig());
  await api.listen(0, '127.0.0.1');
  const apiUrl = await api.getUrl();

  const channel = await api.get(ChannelsService).upsert({
    name: sandboxApp.channels[0].name,
    channelPublicId: sandboxApp.channels[0].channel_public_id,
    kakaoAppId: String(sandboxApp.app_id),
    restApiKey: sandboxApp.rest_api_key,
    adminKey: sandboxApp.admin_key,
    clientSecret: sandboxApp.client_secret,
  });
  const suffix = randomBytes(3).toString('hex');
  const emailOf = (role: Role) => `${role}@${suffix}.test`;
  const users = api.get(UsersService);
  for (const role of Object.values(Role)) {
    await users.provision({
      email: emailOf(role),
      displayName: `Test ${role}`,
      password: TEST_PASSWORD,
      memberships: [{ channelId: channel.id, role }],
      // As in the demo seed, the admin also runs the instance (the queue board).
      operator: role === Role.Admin,
    });
  }

  const tokens = new Map<Role, string>();
  async function call<T>(
    role: Role | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const auth: Record<string, string> = role
      ? { authorization: `Bearer ${await tokenFor(role)}` }
      : {};
    const allHeaders: Record<string, string> = { ...auth, 'x-channel-id': channel.id, ...headers };
    if (body !== undefined) {
      allHeaders['content-type'] = 'application/json';
    }
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }
  async function tokenFor(role: Role): Promise<string> {
    let token = tokens.get(role);
    if (!token) {
      const answer = await call<{ token: string }>(null, 'POST', '/api/auth/login', {
        email: emailOf(role),
        password: TEST_PASSWORD,
      });
      if (answer.status !== 200) {
        throw new Error(`Login as ${role} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      token = answer.body.token;
      tokens.set(role, token);
    }
    return token;
  }

  let worker: INestApplicationContext | undefined;
  const stack: TestStack = {
    apiUrl,
    sandboxUrl: sandbox.url,
    sandbox,
    sandboxApp,
    database,
    channel,
    api,
    get worker() {
      return worker;
    },
    env,
    emailOf,
    tokenFor,
    call,
    async startWorker() {
      worker = await createWorkerApp(getConfig());
      return worker;
    },
    async stopWorker() {
      await worker?.close();
      worker = undefined;
    },
    async close() {
      await worker?.close();
      await closeApiApp(api);
      restoreEnv();
      await sandbox.close();
      await database.drop();
    },
  };
  if (options.worker !== false) {
    await stack.startWorker();
  }
  return stack;
}
