import { Role } from '@app/accounts';
import { registerSandboxRecipients, type SandboxUser } from '@app/console-http';

import { type TestStack } from './test-stack';

/** Creates sandbox users with tokens and registers them as recipients through the ingest API. */
export function seedSandboxRecipients(stack: TestStack, count: number): Promise<SandboxUser[]> {
  return registerSandboxRecipients({
    apiUrl: stack.apiUrl,
    sandboxUrl: stack.sandboxUrl,
    appId: stack.sandboxApp.app_id,
    channelId: stack.channel.id,
    count,
    asAdmin: (method, path, body) => stack.call(Role.Admin, method, path, body),
  });
}

/** Everyone whose consent is active. */
export async function everyoneAudience(
  stack: TestStack,
  name = `Everyone ${Date.now()}`,
): Promise<string> {
  const answer = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/audiences', {
    name,
    kind: 'dynamic',
    rules: {
      combinator: 'and',
      children: [{ field: 'consentState', operator: 'eq', value: 'active' }],
    },
  });
  if (answer.status !== 201) {
    throw new Error(`audience: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body.id;
}
