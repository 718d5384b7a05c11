import { spawnSync } from 'node:child_process';

import { Client } from 'pg';

import { Role } from '@app/accounts';
import { sandboxControl, type SandboxUser, type TestStack } from '@app/testing';

export interface RecipientBody {
  id: string;
  channelId: string;
  kakaoUserId: string;
  kakaoUuid: string | null;
  nickname: string | null;
  scopes: string[] | null;
  hasAccessToken: boolean;
  hasRefreshToken: boolean;
  consentState: string;
  consentReason: string | null;
  channelRelation: string;
  timeZone: string | null;
  tags: string[];
  attributes: Record<string, string | number | boolean>;
  source: string;
  version: number;
  lastDeliveredAt: string | null;
  optedInAt: string;
}

export type { SandboxUser } from '@app/testing';

export interface IngestItem {
  kakaoUserId: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn?: number;
  refreshTokenExpiresIn?: number;
  scopes?: string[];
  nickname?: string;
  uuid?: string;
  timeZone?: string;
  tags?: string[];
  attributes?: Record<string, string | number | boolean>;
}

/** Sandbox users of the stack's app, with tokens (all consent items unless `scopes` narrows). */
export async function sandboxUsers(
  stack: TestStack,
  count: number,
  options: { scopes?: string[]; nicknamePrefix?: string } = {},
): Promise<SandboxUser[]> {
  const { users } = await sandboxControl<{ users: SandboxUser[] }>(
    stack.sandboxUrl,
    'POST',
    `apps/${stack.sandboxApp.app_id}/users/bulk`,
    {
      count,
      ...(options.scopes ? { scopes: options.scopes } : {}),
      ...(options.nicknamePrefix ? { nickname_prefix: options.nicknamePrefix } : {}),
    },
  );
  return users;
}

/** An ingest key of the stack's channel, created by its admin. */
export async function ingestKey(stack: TestStack, name = 'backend'): Promise<string> {
  const created = await stack.call<{ key: string }>(
    Role.Admin,
    'POST',
    `/api/channels/${stack.channel.id}/ingest-keys`,
    { name },
  );
  if (created.status !== 201) {
    throw new Error(`Creating an ingest key answered ${created.status}`);
  }
  return created.body.key;
}

export async function ingest<T = unknown>(
  stack: TestStack,
  key: string | null,
  recipients: unknown[],
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.apiUrl}/api/ingest/recipients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify({ recipients }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export function ingestItemOf(user: SandboxUser, extra: Partial<IngestItem> = {}): IngestItem {
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

/** Every recipient of the stack's channel through the API (pages of 500). */
export async function allRecipients(stack: TestStack): Promise<RecipientBody[]> {
  const out: RecipientBody[] = [];
  for (let start = 0; ; start += 500) {
    const page = await stack.call<RecipientBody[]>(
      Role.Admin,
      'GET',
      `/api/recipients?range=${encodeURIComponent(JSON.stringify([start, start + 499]))}&sort=${encodeURIComponent('["createdAt","ASC"]')}`,
    );
    out.push(...page.body);
    if (page.body.length < 500) {
      return out;
    }
  }
}

/** A SQL client on the stack's own database (for dumps and fault injection). */
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

/** `pg_dump --data-only` of the stack's whole database, as text. */
export function databaseDump(stack: TestStack): string {
  const dump = spawnSync('pg_dump', ['--data-only', '--no-owner', stack.database.url], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (dump.status !== 0) {
    throw new Error(`pg_dump failed: ${dump.stderr}`);
  }
  return dump.stdout;
}

export interface OptInResult {
  /** The answer of our callback. */
  status: number;
  html: string;
  /** The callback URL as Kakao sent the browser to it (origin rewritten to the test API). */
  callbackUrl: string;
  cookie: string;
}

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2]
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  }
  return fields;
}

/**
 * What a person does: opens the join page, presses the button, lands on Kakao's (the sandbox's)
 * consent page, picks a user (or a new one) and agrees or declines, and is sent back to our
 * callback. Redirects are followed by hand so each hop can be checked.
 */
export async function optInThroughKakao(
  stack: TestStack,
  choice: { userId?: number; nickname?: string; decline?: boolean } = {},
): Promise<OptInResult> {
  const publicId = stack.channel.channelPublicId;
  const page = await fetch(`${stack.apiUrl}/join/${publicId}`);
  const pageHtml = await page.text();
  if (page.status !== 200) {
    throw new Error(`join page answered ${page.status}`);
  }
  const action = /<form method="post" action="([^"]+)"/.exec(pageHtml)?.[1];
  if (action === undefined) {
    throw new Error('join page has no form');
  }
  const start = await fetch(`${stack.apiUrl}${action}`, { method: 'POST', redirect: 'manual' });
  const authorizeUrl = start.headers.get('location');
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
  if (start.status !== 303 || authorizeUrl === null) {
    throw new Error(`start answered ${start.status}`);
  }
  const consent = await fetch(authorizeUrl, { headers: { accept: 'text/html' } });
  const consentHtml = await consent.text();
  if (consent.status !== 200) {
    throw new Error(`consent page answered ${consent.status}: ${consentHtml}`);
  }
  const decisionPath = /<form method="post" action="([^"]+)"/.exec(consentHtml)?.[1];
  const form = new URLSearchParams({
    ...hiddenFields(consentHtml),
    user_id: choice.userId === undefined ? 'new' : String(choice.userId),
    ...(choice.nickname === undefined ? {} : { nickname: choice.nickname }),
    action: choice.decline ? 'deny' : 'allow',
  });
  const decision = await fetch(new URL(decisionPath!, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const kakaoRedirect = decision.headers.get('location');
  if (decision.status !== 302 || kakaoRedirect === null) {
    throw new Error(`consent decision answered ${decision.status}: ${await decision.text()}`);
  }
  // PUBLIC_BASE_URL is the default address; the test API listens elsewhere.
  const target = new URL(kakaoRedirect);
  const callbackUrl = `${stack.apiUrl}${target.pathname}${target.search}`;
  const callback = await fetch(callbackUrl, { headers: { cookie }, redirect: 'manual' });
  return { status: callback.status, html: await callback.text(), callbackUrl, cookie };
}

export async function recipientCount(stack: TestStack): Promise<number> {
  return withDb(stack, async (client) =>
    Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM recipients')).rows[0].n),
  );
}
