import { Role } from '@app/accounts';
import { KakaoClient } from '@app/kakao-client';
import { RecipientsService, type SendingCredential } from '@app/recipients';
import { sandboxControl, startTestStack, type TestStack } from '@app/testing';

import {
  allRecipients,
  databaseDump,
  ingest,
  ingestItemOf,
  ingestKey,
  optInThroughKakao,
  sandboxUsers,
  type SandboxUser,
  withDb,
} from './recipient-fixtures';

jest.setTimeout(60_000);

function tokenOf(credential: SendingCredential | undefined): string {
  if (!credential || 'skip' in credential) {
    throw new Error(`expected a token, got ${JSON.stringify(credential)}`);
  }
  return credential.accessToken;
}

describe('recipient tokens: sealed at rest, refreshed for senders, consent recorded', () => {
  let stack: TestStack;
  let kakao: KakaoClient;
  let recipients: RecipientsService;
  let key: string;
  let users: SandboxUser[];
  const idOf = new Map<number, string>();

  async function sealedRow(id: string): Promise<{ access: string; refresh: string | null }> {
    return withDb(stack, async (client) => {
      const { rows } = await client.query<{ access: string; refresh: string | null }>(
        'SELECT access_token_sealed AS access, refresh_token_sealed AS refresh FROM recipients WHERE id = $1',
        [id],
      );
      return rows[0];
    });
  }

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    kakao = new KakaoClient({
      apiBaseUrl: stack.sandboxUrl,
      authBaseUrl: stack.sandboxUrl,
      retries: 0,
    });
    recipients = stack.api.get(RecipientsService);
    key = await ingestKey(stack);
    users = await sandboxUsers(stack, 6);
    const answer = await ingest<{ recipients: { id: string; kakaoUserId: string }[] }>(
      stack,
      key,
      users.map((user, index) =>
        // Users 0-2 come with tokens that our clock already considers expired.
        ingestItemOf(user, index < 3 ? { expiresIn: 0 } : {}),
      ),
    );
    for (const row of answer.body.recipients) {
      idOf.set(Number(row.kakaoUserId), row.id);
    }
  });

  afterAll(async () => {
    await kakao?.close();
    await stack?.close();
  });

  it('hands out valid tokens as they are, in the order asked', async () => {
    const ids = [users[4], users[3]].map((user) => idOf.get(user.user_id)!);
    const answers = await recipients.sendingCredentials(stack.channel.id, ids);
    expect(answers).toEqual([
      {
        recipientId: ids[0],
        kakaoUserId: String(users[4].user_id),
        kakaoUuid: users[4].uuid,
        timeZone: null,
        accessToken: users[4].access_token,
      },
      expect.objectContaining({ recipientId: ids[1], accessToken: users[3].access_token }),
    ]);
  });

  it('refreshes expired tokens through OAuth and stores the new ones (sealed)', async () => {
    const id = idOf.get(users[0].user_id)!;
    // Kakao's side too: the old token no longer works.
    await sandboxControl(stack.sandboxUrl, 'POST', `tokens/${users[0].access_token}/expire`);
    const before = await sealedRow(id);

    const fresh = tokenOf((await recipients.sendingCredentials(stack.channel.id, [id]))[0]);
    expect(fresh).not.toBe(users[0].access_token);
    expect((await kakao.users.getMe(fresh)).id).toBe(users[0].user_id);

    const after = await sealedRow(id);
    expect(after.access).not.toBe(before.access);
    expect(after.access).toMatch(/^v1\./);
    // Stored: the next call hands out the same new token without another refresh.
    expect(tokenOf((await recipients.sendingCredentials(stack.channel.id, [id]))[0])).toBe(fresh);
  });

  it('refreshes on demand after Kakao said -401 (forceRefresh)', async () => {
    const id = idOf.get(users[5].user_id)!;
    await sandboxControl(stack.sandboxUrl, 'POST', `tokens/${users[5].access_token}/expire`);
    const stale = tokenOf((await recipients.sendingCredentials(stack.channel.id, [id]))[0]);
    await expect(kakao.users.getMe(stale)).rejects.toMatchObject({ code: -401 });
    const fresh = tokenOf(
      (await recipients.sendingCredentials(stack.channel.id, [id], { forceRefresh: true }))[0],
    );
    expect((await kakao.users.getMe(fresh)).id).toBe(users[5].user_id);
  });

  it('marks needs_consent with the reason when the refresh fails (KOE322), and skips them after', async () => {
    const id = idOf.get(users[1].user_id)!;
    // The person unlinked the app: Kakao refuses the refresh token.
    await kakao.users.unlink(users[1].access_token);

    expect(await recipients.sendingCredentials(stack.channel.id, [id])).toEqual([
      { recipientId: id, skip: 'refresh_failed:KOE322' },
    ]);
    expect(await recipients.sendingCredentials(stack.channel.id, [id])).toEqual([
      { recipientId: id, skip: 'needs_consent' },
    ]);
    const detail = await stack.call<{
      consentState: string;
      consentReason: string;
      consentHistory: { from: string; to: string; reason: string }[];
    }>(Role.Manager, 'GET', `/api/recipients/${id}`);
    expect(detail.body).toMatchObject({
      consentState: 'needs_consent',
      consentReason: 'refresh_failed:KOE322',
    });
    expect(detail.body.consentHistory[0]).toMatchObject({
      from: 'active',
      to: 'needs_consent',
      reason: 'refresh_failed:KOE322',
    });
  });

  it('records what the blast engine reports: lost consent and deliveries', async () => {
    const id = idOf.get(users[2].user_id)!;
    const other = idOf.get(users[3].user_id)!;
    await recipients.markNeedsConsent(id, 'Kakao -402: insufficient scopes');
    expect(await recipients.sendingCredentials(stack.channel.id, [id])).toEqual([
      { recipientId: id, skip: 'needs_consent' },
    ]);
    const at = new Date('2030-01-02T03:04:05Z');
    await recipients.recordDelivered([other, idOf.get(users[4].user_id)!], at);
    await recipients.recordDelivered([other], new Date('2029-01-01T00:00:00Z'));
    const stored = await allRecipients(stack);
    expect(stored.find((recipient) => recipient.id === other)!.lastDeliveredAt).toBe(
      at.toISOString(),
    );
    expect(stored.find((recipient) => recipient.id === id)).toMatchObject({
      consentState: 'needs_consent',
      consentReason: 'Kakao -402: insufficient scopes',
    });
  });

  it('a consent that comes back through the opt-in page makes the recipient active again', async () => {
    const id = idOf.get(users[2].user_id)!;
    const result = await optInThroughKakao(stack, { userId: users[2].user_id });
    expect(result.status).toBe(200);
    const [credential] = await recipients.sendingCredentials(stack.channel.id, [id]);
    expect((await kakao.users.getMe(tokenOf(credential))).id).toBe(users[2].user_id);
  });

  it('opt-out revokes consent and wipes the tokens', async () => {
    const id = idOf.get(users[4].user_id)!;
    const answer = await stack.call<{ consentState: string; hasAccessToken: boolean }>(
      Role.Scheduler,
      'DELETE',
      `/api/recipients/${id}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ consentState: 'revoked', hasAccessToken: false });
    expect(await sealedRow(id)).toEqual({ access: null, refresh: null });
    expect(await recipients.sendingCredentials(stack.channel.id, [id])).toEqual([
      { recipientId: id, skip: 'revoked' },
    ]);
  });

  it('keeps every token out of the database in clear text', async () => {
    // Tokens known to the test: the ingested ones, and whatever the console holds now.
    const known = new Set(users.flatMap((user) => [user.access_token, user.refresh_token]));
    const all = await allRecipients(stack);
    for (const credential of await recipients.sendingCredentials(
      stack.channel.id,
      all.map((recipient) => recipient.id),
    )) {
      if (!('skip' in credential)) {
        known.add(credential.accessToken);
      }
    }
    expect(known.size).toBeGreaterThan(12);

    const table = await withDb(stack, async (client) =>
      (await client.query<{ row: string }>('SELECT r::text AS row FROM recipients r')).rows
        .map((row) => row.row)
        .join('\n'),
    );
    const dump = databaseDump(stack);
    expect(table).toContain('v1.');
    expect(dump).toContain(String(users[0].user_id));
    for (const token of known) {
      expect(table).not.toContain(token);
      expect(dump).not.toContain(token);
    }
  });
});
