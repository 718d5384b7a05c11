import { Role } from '@app/accounts';

import { sandboxControl } from './sandbox-control';
import { type TestStack } from './test-stack';

/** A sandbox user with tokens (`POST apps/:id/users/bulk`). */
export interface SandboxUser {
  user_id: number;
  uuid: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** Creates sandbox users with tokens and registers them as recipients through the ingest API. */
export async function seedSandboxRecipients(
  stack: TestStack,
  count: number,
): Promise<SandboxUser[]> {
  const { users } = await sandboxControl<{ users: SandboxUser[] }>(
    stack.sandboxUrl,
    'POST',
    `apps/${stack.sandboxApp.app_id}/users/bulk`,
    { count },
  );
  const key = await stack.call<{ key: string }>(
    Role.Admin,
    'POST',
    `/api/channels/${stack.channel.id}/ingest-keys`,
    { name: `test ${Date.now()}` },
  );
  if (key.status !== 201) {
    throw new Error(`ingest key: ${key.status} ${JSON.stringify(key.body)}`);
  }
  for (let offset = 0; offset < users.length; offset += 1000) {
    const chunk = users.slice(offset, offset + 1000);
    const answer = await stack.call(
      null,
      'POST',
      '/api/ingest/recipients',
      {
        recipients: chunk.map((user) => ({
          kakaoUserId: String(user.user_id),
          accessToken: user.access_token,
          refreshToken: user.refresh_token,
          expiresIn: user.expires_in,
          uuid: user.uuid,
        })),
      },
      { 'x-api-key': key.body.key },
    );
    if (answer.status >= 300) {
      throw new Error(`ingest: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
  return users;
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
