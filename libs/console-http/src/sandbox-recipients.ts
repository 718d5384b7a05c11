import { apiRequest, type ApiResponse } from './api-client';
import { sandboxControl } from './sandbox-control';

/** A sandbox user with tokens (`POST apps/:id/users/bulk`). */
export interface SandboxUser {
  user_id: number;
  uuid: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** What a recipient is registered with besides its tokens. */
export interface RecipientProfile {
  nickname?: string;
  tags?: string[];
  attributes?: Record<string, string | number | boolean>;
}

export interface SandboxRecipientsOptions {
  apiUrl: string;
  sandboxUrl: string;
  appId: number;
  channelId: string;
  count: number;
  /** A call as a channel admin (it creates the ingest key). */
  asAdmin: <T>(method: string, path: string, body?: unknown) => Promise<ApiResponse<T>>;
  profile?: (index: number) => RecipientProfile;
}

const INGEST_CHUNK = 1000;

/**
 * Creates sandbox users with tokens and registers them as the channel's recipients through the
 * ingest API, as a channel's own backend would.
 */
export async function registerSandboxRecipients(
  options: SandboxRecipientsOptions,
): Promise<SandboxUser[]> {
  const { users } = await sandboxControl<{ users: SandboxUser[] }>(
    options.sandboxUrl,
    'POST',
    `apps/${options.appId}/users/bulk`,
    { count: options.count },
  );
  const key = await options.asAdmin<{ key: string }>(
    'POST',
    `/api/channels/${options.channelId}/ingest-keys`,
    { name: `recipients ${new Date().toISOString()}` },
  );
  if (key.status !== 201) {
    throw new Error(`ingest key: ${key.status} ${JSON.stringify(key.body)}`);
  }
  for (let offset = 0; offset < users.length; offset += INGEST_CHUNK) {
    const chunk = users.slice(offset, offset + INGEST_CHUNK);
    const answer = await apiRequest(options.apiUrl, 'POST', '/api/ingest/recipients', {
      body: {
        recipients: chunk.map((user, index) => ({
          kakaoUserId: String(user.user_id),
          accessToken: user.access_token,
          refreshToken: user.refresh_token,
          expiresIn: user.expires_in,
          uuid: user.uuid,
          ...options.profile?.(offset + index),
        })),
      },
      headers: { 'x-api-key': key.body.key },
    });
    if (answer.status >= 300) {
      throw new Error(`ingest: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
  return users;
}
