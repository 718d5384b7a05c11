import { randomBytes } from 'node:crypto';

/** What `POST /__sandbox/apps` answers. */
export interface SandboxAppInfo {
  app_id: number;
  rest_api_key: string;
  admin_key: string;
  client_secret: string;
  channels: { channel_public_id: string; name: string }[];
  subscribe_calendars: { id: string; name: string; channel_public_id: string }[];
}

/** JSON call to the sandbox's control API (`/__sandbox/...`); throws on a non-2xx answer. */
export async function sandboxControl<T>(
  sandboxUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${sandboxUrl}/__sandbox/${path.replace(/^\/+/, '')}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`Sandbox ${method} ${path} answered ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A sandbox app with one connected channel and two subscribe calendars. */
export function createSandboxApp(
  sandboxUrl: string,
  overrides: Record<string, unknown> = {},
): Promise<SandboxAppInfo> {
  const publicId = `_t${randomBytes(4).toString('hex')}`;
  return sandboxControl<SandboxAppInfo>(sandboxUrl, 'POST', 'apps', {
    name: `Test app ${publicId}`,
    channels: [{ public_id: publicId, name: `Channel ${publicId}` }],
    subscribe_calendars: [
      { name: 'Weekly Drops', channel_public_id: publicId },
      { name: 'Pop-up Stores', channel_public_id: publicId },
    ],
    permissions: { calendar: true, message: true },
    ...overrides,
  });
}
