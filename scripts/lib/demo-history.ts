import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { ChannelsModule, ChannelsService } from '@app/channels';
import { SecretsModule } from '@app/common';
import { ConfigModule, getConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DemoAgingService, DemoModule, seedDemoHistory } from '@app/demo';

import { DEMO_CHANNEL, DEMO_EMAIL_DOMAIN, demoPassword } from './demo-channel';

@Module({ imports: [ConfigModule, DatabaseModule, SecretsModule, ChannelsModule, DemoModule] })
class DemoHistoryModule {}

/**
 * A few weeks of history for the demo channel, through the running console and sandbox
 * (`npm start` runs it once the API and worker answer). A channel with blasts is left alone.
 */
async function main(): Promise<void> {
  const config = getConfig();
  const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${config.api.port}`;
  const sandboxUrl = process.env.SANDBOX_URL ?? config.kakao.apiBaseUrl;
  const context = await NestFactory.createApplicationContext(DemoHistoryModule, {
    logger: ['error'],
  });
  try {
    const channel = await context.get(ChannelsService).findByPublicId(DEMO_CHANNEL.public_id);
    if (!channel?.kakaoAppId) {
      console.log('No demo channel in the sandbox; no demo history.');
      return;
    }
    const started = Date.now();
    const result = await seedDemoHistory({
      apiUrl,
      sandboxUrl,
      appId: Number(channel.kakaoAppId),
      channelId: channel.id,
      channelPublicId: channel.channelPublicId,
      timeZone: channel.timeZone,
      emailDomain: DEMO_EMAIL_DOMAIN,
      password: demoPassword(),
      recipients: Number(process.env.DEMO_RECIPIENTS ?? 400),
      aging: context.get(DemoAgingService),
      log: (message) => console.log(message),
    });
    console.log(
      result.seeded
        ? `Demo history ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
            `${result.campaigns} campaigns over four weeks, ${result.delivered} messages delivered, ` +
            `${result.clicks} clicks. Sign in as manager@${DEMO_EMAIL_DOMAIN} for the reach dashboard.`
        : `Demo history: skipped (${result.reason}).`,
    );
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
