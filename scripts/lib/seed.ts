import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { AccountsModule, Role, ROLES, UsersService } from '@app/accounts';
import { ChannelsModule, ChannelsService, type CreateChannelInput } from '@app/channels';
import { SecretsModule } from '@app/common';
import { ConfigModule, getConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RedisModule } from '@app/jobs';

import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_CHANNEL,
  DEMO_EMAIL_DOMAIN,
  demoPassword,
} from './demo-channel';

const DEMO_APP_NAME = 'Campaign Console Demo';

interface SandboxApp {
  app_id: number;
  name?: string;
  rest_api_key: string;
  admin_key: string;
  client_secret: string;
  channels: { channel_public_id: string; name: string }[];
}

async function sandboxJson<T>(sandboxUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`Sandbox ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Finds or creates the demo app (with its channel and subscribe calendars) in the sandbox. */
async function demoAppInSandbox(sandboxUrl: string): Promise<SandboxApp> {
  const listed = await sandboxJson<{ apps: SandboxApp[] } | SandboxApp[]>(
    sandboxUrl,
    '/__sandbox/apps',
  );
  const apps = Array.isArray(listed) ? listed : listed.apps;
  const existing = apps.find((app) =>
    app.channels.some((channel) => channel.channel_public_id === DEMO_CHANNEL.public_id),
  );
  if (existing) {
    return existing;
  }
  return sandboxJson<SandboxApp>(sandboxUrl, '/__sandbox/apps', {
    name: DEMO_APP_NAME,
    channels: [DEMO_CHANNEL],
    subscribe_calendars: [
      {
        name: '주간 신상 드롭 (Weekly Drops)',
        channel_public_id: DEMO_CHANNEL.public_id,
        color: 'ORANGE',
        description: '매주 금요일 새 상품 소식',
      },
      {
        name: '팝업 스토어 (Pop-up Stores)',
        channel_public_id: DEMO_CHANNEL.public_id,
        color: 'MINT',
        description: '전국 팝업 스토어 일정',
      },
    ],
    permissions: { calendar: true, message: true },
  });
}

function channelFromEnvironment(): CreateChannelInput | undefined {
  const publicId = process.env.KAKAO_CHANNEL_PUBLIC_ID;
  const adminKey = process.env.KAKAO_ADMIN_KEY;
  if (!publicId || !adminKey) {
    return undefined;
  }
  return {
    name: process.env.KAKAO_CHANNEL_NAME ?? publicId,
    channelPublicId: publicId,
    adminKey,
    restApiKey: process.env.KAKAO_REST_API_KEY,
    clientSecret: process.env.KAKAO_CLIENT_SECRET,
  };
}

// Redis only because the accounts module throttles logins; the seed never signs anyone in.
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    SecretsModule,
    ChannelsModule,
    AccountsModule,
  ],
})
class SeedModule {}

/**
 * One demo user per role in the demo channel, `<role>@demo.local`; idempotent. The demo admin is
 * also the instance operator (the queue board). Seeded passwords skip the password policy on
 * purpose: the seed is run by the operator, and `demo-password` is documented for the demo.
 */
async function seedDemoUsers(users: UsersService, channelId: string): Promise<string[]> {
  const password = demoPassword();
  const lines = [
    password === DEFAULT_DEMO_PASSWORD
      ? `  Demo logins         password "${DEFAULT_DEMO_PASSWORD}" (set DEMO_PASSWORD to change it)`
      : '  Demo logins         password from DEMO_PASSWORD',
  ];
  for (const role of ROLES) {
    const email = `${role}@${DEMO_EMAIL_DOMAIN}`;
    await users.provision({
      email,
      displayName: `Demo ${role[0]?.toUpperCase() ?? ''}${role.slice(1)}`,
      password,
      memberships: [{ channelId, role }],
      operator: role === Role.Admin,
    });
    lines.push(`    ${role.padEnd(18)}${email}`);
  }
  return lines;
}

async function main(): Promise<void> {
  const sandboxUrl = process.env.SANDBOX_URL ?? getConfig().kakao.apiBaseUrl;
  let input = channelFromEnvironment();
  if (!input) {
    const app = await demoAppInSandbox(sandboxUrl);
    input = {
      name: DEMO_CHANNEL.name,
      channelPublicId: DEMO_CHANNEL.public_id,
      kakaoAppId: String(app.app_id),
      restApiKey: app.rest_api_key,
      adminKey: app.admin_key,
      clientSecret: app.client_secret,
    };
  }
  const context = await NestFactory.createApplicationContext(SeedModule, { logger: ['error'] });
  try {
    const channel = await context.get(ChannelsService).upsert(input);
    console.log(`  Demo channel        ${channel.name} (${channel.channelPublicId})`);
    for (const line of await seedDemoUsers(context.get(UsersService), channel.id)) {
      console.log(line);
    }
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
