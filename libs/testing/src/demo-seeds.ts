import { DataSource } from 'typeorm';

import { Role } from '@app/accounts';
import { DemoAgingService, type DemoHistoryResult, seedDemoHistory } from '@app/demo';

import { TEST_PASSWORD, type TestStack } from './test-stack';

/** The demo's weeks of history in a test stack's channel, signed in as its test users. */
export function seedDemoHistoryIn(
  stack: TestStack,
  recipients: number,
): Promise<DemoHistoryResult> {
  return seedDemoHistory({
    apiUrl: stack.apiUrl,
    sandboxUrl: stack.sandboxUrl,
    appId: stack.sandboxApp.app_id,
    channelId: stack.channel.id,
    channelPublicId: stack.channel.channelPublicId,
    timeZone: stack.channel.timeZone,
    emailDomain: stack.emailOf(Role.Admin).split('@')[1] ?? '',
    password: TEST_PASSWORD,
    recipients,
    aging: new DemoAgingService(stack.api.get(DataSource)),
  });
}
