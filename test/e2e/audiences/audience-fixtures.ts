import { Client } from 'pg';

import { Role } from '@app/accounts';
import { sandboxControl, type SandboxUser, type TestStack } from '@app/testing';

// The few recipient helpers these tests need (test folders cannot import each other).

export type { SandboxUser } from '@app/testing';

export async function sandboxUsers(stack: TestStack, count: number): Promise<SandboxUser[]> {
  const { users } = await sandboxControl<{ users: SandboxUser[] }>(
    stack.sandboxUrl,
    'POST',
    `apps/${stack.sandboxApp.app_id}/users/bulk`,
    { count },
  );
  return users;
}

export async function ingestKey(stack: TestStack): Promise<string> {
  const created = await stack.call<{ key: string }>(
    Role.Admin,
    'POST',
    `/api/channels/${stack.channel.id}/ingest-keys`,
    { name: 'backend' },
  );
  return created.body.key;
}

export async function ingest<T = unknown>(
  stack: TestStack,
  key: string,
  recipients: unknown[],
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.apiUrl}/api/ingest/recipients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ recipients }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export function ingestItemOf(user: SandboxUser, extra: Record<string, unknown> = {}): object {
  return {
    kakaoUserId: String(user.user_id),
    accessToken: user.access_token,
    refreshToken: user.refresh_token,
    expiresIn: user.expires_in,
    scopes: ['talk_message', 'talk_calendar'],
    uuid: user.uuid,
    ...extra,
  };
}

export async function withDb<T>(
  stack: TestStack,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: stack.database.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
