import { Role } from '@app/accounts';

import { type TestStack } from './test-stack';

/** Sets the channel's quiet hours (`HH:mm` in its zone) through the API, as an admin would. */
export async function setQuietHours(stack: TestStack, start: string, end: string): Promise<void> {
  const path = `/api/channels/${stack.channel.id}`;
  const channel = await stack.call<{ version: number }>(Role.Admin, 'GET', path);
  const answer = await stack.call(Role.Admin, 'PUT', path, {
    version: channel.body.version,
    quietHoursStart: start,
    quietHoursEnd: end,
  });
  if (answer.status !== 200) {
    throw new Error(`quiet hours: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
