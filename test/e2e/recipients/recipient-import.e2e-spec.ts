import { Role } from '@app/accounts';
import { JobsService, QueueName } from '@app/jobs';
import { expectEventually, startTestStack, type TestStack } from '@app/testing';

import {
  allRecipients,
  ingest,
  ingestItemOf,
  ingestKey,
  type RecipientBody,
  sandboxUsers,
  type SandboxUser,
  withDb,
} from './recipient-fixtures';

jest.setTimeout(120_000);

interface ImportBody {
  id: string;
  state: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsApplied: number;
  bytesReceived: number;
  error: string | null;
  errorsUrl: string;
}

describe('CSV import of tags and attributes', () => {
  let stack: TestStack;
  let users: SandboxUser[];
  let idOf: (user: SandboxUser) => string;

  async function upload(
    body: Uint8Array | string,
    options: { multipart?: boolean; mode?: string; role?: Role } = {},
  ): Promise<{ status: number; body: ImportBody & { code?: string } }> {
    const token = await stack.tokenFor(options.role ?? Role.Scheduler);
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'x-channel-id': stack.channel.id,
    };
    let payload: RequestInit['body'];
    if (options.multipart === false) {
      headers['content-type'] = 'text/csv; charset=utf-8';
      payload = typeof body === 'string' ? body : Buffer.from(body);
    } else {
      const form = new FormData();
      form.append('file', new Blob([body as BlobPart], { type: 'text/csv' }), 'recipients.csv');
      payload = form;
    }
    const response = await fetch(
      `${stack.apiUrl}/api/recipients/imports${options.mode ? `?mode=${options.mode}` : ''}`,
      { method: 'POST', headers, body: payload },
    );
    return {
      status: response.status,
      body: (await response.json()) as ImportBody & { code?: string },
    };
  }

  async function finished(id: string): Promise<ImportBody> {
    let last: ImportBody | undefined;
    await expectEventually(
      async () => {
        last = (await stack.call<ImportBody>(Role.Manager, 'GET', `/api/recipients/imports/${id}`))
          .body;
        expect(['completed', 'failed']).toContain(last.state);
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    return last!;
  }

  async function report(id: string): Promise<string> {
    const response = await fetch(`${stack.apiUrl}/api/recipients/imports/${id}/errors.csv`, {
      headers: {
        authorization: `Bearer ${await stack.tokenFor(Role.Manager)}`,
        'x-channel-id': stack.channel.id,
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return response.text();
  }

  async function byKakaoId(): Promise<Map<string, RecipientBody>> {
    return new Map(
      (await allRecipients(stack)).map((recipient) => [recipient.kakaoUserId, recipient]),
    );
  }

  beforeAll(async () => {
    stack = await startTestStack();
    users = await sandboxUsers(stack, 1200);
    const key = await ingestKey(stack);
    const ids = new Map<string, string>();
    for (let offset = 0; offset < users.length; offset += 1000) {
      const answer = await ingest<{ recipients: { id: string; kakaoUserId: string }[] }>(
        stack,
        key,
        users
          .slice(offset, offset + 1000)
          .map((user) => ingestItemOf(user, { tags: ['base'], attributes: { plan: 'free' } })),
      );
      for (const row of answer.body.recipients) {
        ids.set(row.kakaoUserId, row.id);
      }
    }
    idOf = (user) => ids.get(String(user.user_id))!;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('applies the good rows and reports the bad ones with their reasons', async () => {
    const [a, b, c] = users;
    const csv = [
      'kakao_user_id,tags,time_zone,city,age',
      `${a.user_id},vip|seoul,Asia/Seoul,Seoul,31`,
      `${b.user_id},,America/New_York,"New York, NY",`,
      'abc,vip,,Seoul,1',
      `${c.user_id},vip,Mars/Olympus,Seoul,1`,
      '123456789012,vip,,Seoul,1',
      `${a.user_id},again,,,`,
      `${c.user_id},"a,b",,,`,
      `${c.user_id},too,many,columns,here,!`,
      '',
      `${c.user_id},"weekend|popup",,Busan,40`,
    ].join('\r\n');
    const created = await upload(csv);
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ state: 'queued', bytesReceived: Buffer.byteLength(csv) });

    const done = await finished(created.body.id);
    expect(done).toMatchObject({
      state: 'completed',
      rowsRead: 9,
      rowsAccepted: 3,
      rowsRejected: 6,
      rowsApplied: 3,
      error: null,
    });
    const rows = await byKakaoId();
    expect(rows.get(String(a.user_id))).toMatchObject({
      tags: ['base', 'seoul', 'vip'],
      timeZone: 'Asia/Seoul',
      attributes: { plan: 'free', city: 'Seoul', age: 31 },
    });
    expect(rows.get(String(b.user_id))).toMatchObject({
      tags: ['base'],
      timeZone: 'America/New_York',
      attributes: { plan: 'free', city: 'New York, NY' },
    });
    expect(rows.get(String(c.user_id))).toMatchObject({
      tags: ['base', 'popup', 'weekend'],
      attributes: { plan: 'free', city: 'Busan', age: 40 },
    });

    const lines = (await report(created.body.id)).trim().split('\r\n');
    expect(lines[0]).toBe('row,kakao_user_id,reason');
    expect(lines.slice(1)).toEqual([
      '4,abc,"kakao_user_id ""abc"" is not a Kakao user id (digits)"',
      `5,${c.user_id},"time_zone ""Mars/Olympus"" is not an IANA time zone"`,
      '6,123456789012,no recipient with kakao_user_id 123456789012 in this channel',
      `7,${a.user_id},kakao_user_id ${a.user_id} appears on an earlier row of the file`,
      `8,${c.user_id},"tags: tag ""a,b"" must be 1-50 characters without | or ,"`,
      `9,${c.user_id},"expected 5 columns, found 6"`,
    ]);
  });

  it('takes a raw text/csv body, and replace mode replaces tags and attributes', async () => {
    const user = users[10];
    const created = await upload(`kakao_user_id,tags,tier\n${user.user_id},gold,3\n`, {
      multipart: false,
      mode: 'replace',
    });
    expect(created.status).toBe(202);
    expect(await finished(created.body.id)).toMatchObject({ state: 'completed', rowsApplied: 1 });
    expect((await byKakaoId()).get(String(user.user_id))).toMatchObject({
      tags: ['gold'],
      attributes: { tier: 3 },
    });
  });

  it('streams a file of several pieces (> 1 MiB, Korean text across piece boundaries)', async () => {
    const note = '성수동 팝업 스토어 방문 고객 '.repeat(18); // ~450 bytes of UTF-8, 3 bytes per syllable
    const lines = ['kakao_user_id,note,tags'];
    for (const user of users) {
      lines.push(`${user.user_id},${note.trim()},bulk`);
    }
    for (let index = 0; index < 1500; index += 1) {
      lines.push(`${8_000_000_000 + index},${note.trim()},bulk`);
    }
    const csv = lines.join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1.2 * 1024 * 1024);
    const created = await upload(csv);
    const done = await finished(created.body.id);
    expect(done).toMatchObject({
      state: 'completed',
      rowsRead: 2700,
      rowsAccepted: 1200,
      rowsRejected: 1500,
      rowsApplied: 1200,
    });
    const rows = await byKakaoId();
    expect(rows.get(String(users[777].user_id))!.attributes.note).toBe(note.trim());
    expect(rows.get(String(users[777].user_id))!.tags).toContain('bulk');
    expect((await report(created.body.id)).trim().split('\r\n')).toHaveLength(1501);
  });

  it('writes nothing when the file turns out not to be UTF-8 halfway through', async () => {
    const before = await byKakaoId();
    const good = users
      .slice(0, 1100)
      .map((user) => `${user.user_id},halfway`)
      .join('\n');
    const bytes = Buffer.concat([
      Buffer.from(`kakao_user_id,tags\n${good}\n`),
      Buffer.from([0xff, 0xfe, 0x41, 0x0a]),
      Buffer.from(`${users[1100].user_id},halfway\n`),
    ]);
    const created = await upload(bytes);
    const done = await finished(created.body.id);
    expect(done.state).toBe('failed');
    expect(done.error).toContain('not valid UTF-8');
    expect(done.rowsApplied).toBe(0);
    const after = await byKakaoId();
    expect([...after.values()].filter((recipient) => recipient.tags.includes('halfway'))).toEqual(
      [],
    );
    expect(after.get(String(users[0].user_id))!.version).toBe(
      before.get(String(users[0].user_id))!.version,
    );
    await withDb(stack, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM recipient_import_rows WHERE import_id = $1',
        [created.body.id],
      );
      expect(Number(rows[0].n)).toBe(0);
    });
  });

  it('writes nothing when Postgres fails while applying (rolled back, retried, then failed)', async () => {
    const victim = users[900];
    await withDb(stack, async (client) => {
      await client.query(`
        CREATE FUNCTION fail_import_for_test() RETURNS trigger AS $$
        BEGIN
          IF NEW.kakao_user_id = '${victim.user_id}' AND 'doomed' = ANY(NEW.tags) THEN
            RAISE EXCEPTION 'injected failure for %', NEW.kakao_user_id;
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await client.query(
        'CREATE TRIGGER fail_import_for_test BEFORE UPDATE ON recipients FOR EACH ROW EXECUTE FUNCTION fail_import_for_test()',
      );
    });
    try {
      const csv = [
        'kakao_user_id,tags',
        ...users.slice(0, 1200).map((user) => `${user.user_id},doomed`),
      ].join('\n');
      const created = await upload(csv);
      const done = await finished(created.body.id);
      expect(done.state).toBe('failed');
      expect(done.error).toContain('injected failure');
      const after = await allRecipients(stack);
      expect(after.filter((recipient) => recipient.tags.includes('doomed'))).toEqual([]);
      expect(after.find((recipient) => recipient.id === idOf(users[0]))!.tags).not.toContain(
        'doomed',
      );
    } finally {
      await withDb(stack, async (client) => {
        await client.query('DROP TRIGGER fail_import_for_test ON recipients');
        await client.query('DROP FUNCTION fail_import_for_test()');
      });
    }
  });

  it('refuses bad headers, empty files and other content types at once or as failed imports', async () => {
    const headerless = await upload('city,age\nSeoul,3\n');
    const done = await finished(headerless.body.id);
    expect(done).toMatchObject({ state: 'failed', rowsApplied: 0 });
    expect(done.error).toContain('a kakao_user_id column is required');

    const empty = await upload('', { multipart: false });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('recipient.import_invalid');

    const json = await stack.call<{ code: string }>(
      Role.Scheduler,
      'POST',
      '/api/recipients/imports',
      {
        rows: [],
      },
    );
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('recipient.import_invalid');
  });

  it('fails a header row too wide to read as such, not as a file without header', async () => {
    const columns = Array.from({ length: 1_000_000 }, (_, index) => `a${index}`).join(',');
    const wide = await upload(`kakao_user_id,${columns}\n1,a\n`);
    expect(wide.status).toBe(202);
    const done = await finished(wide.body.id);
    expect(done).toMatchObject({ state: 'failed', rowsApplied: 0 });
    expect(done.error).toContain('header (row 1): the row is longer than 1048576 bytes');
  });

  it('finishes an import whose job Redis lost, when a worker starts', async () => {
    await stack.stopWorker();
    const user = users[20];
    const created = await upload(`kakao_user_id,tags\n${user.user_id},recovered\n`);
    expect(created.status).toBe(202);
    // As after a Redis FLUSHALL: the row says queued, the job is gone.
    await stack.api
      .get(JobsService)
      .queueFor(QueueName.Recipients)
      .remove(`recipient-import-${created.body.id}`);
    await stack.startWorker();
    expect(await finished(created.body.id)).toMatchObject({ state: 'completed', rowsApplied: 1 });
    expect((await byKakaoId()).get(String(user.user_id))!.tags).toContain('recovered');
  });

  it('lets schedulers and admins import, managers read progress, marketers nothing', async () => {
    const csv = `kakao_user_id,tags\n${users[0].user_id},roles\n`;
    expect((await upload(csv, { role: Role.Admin })).status).toBe(202);
    expect((await upload(csv, { role: Role.Manager })).status).toBe(403);
    expect((await upload(csv, { role: Role.Marketer })).status).toBe(403);
    const list = await stack.call<ImportBody[]>(Role.Manager, 'GET', '/api/recipients/imports');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toMatch(/^recipient-imports 0-\d+\/\d+$/);
    expect(
      (await stack.call(Role.Marketer, 'GET', `/api/recipients/imports/${list.body[0].id}`)).status,
    ).toBe(403);
  });
});
