import { DateTime } from 'luxon';

import { Role } from '@app/accounts';
import { registerSandboxRecipients } from '@app/console-http';
import { type SandboxUser, startTestStack, type TestStack } from '@app/testing';

jest.setTimeout(60_000);

interface RecipientBody {
  kakaoUserId: string;
  createdAt: string;
}

describe('exporting recipients as CSV', () => {
  let stack: TestStack;
  let users: SandboxUser[];

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    users = await registerSandboxRecipients({
      apiUrl: stack.apiUrl,
      sandboxUrl: stack.sandboxUrl,
      appId: stack.sandboxApp.app_id,
      channelId: stack.channel.id,
      count: 3,
      asAdmin: (method, path, body) => stack.call(Role.Admin, method, path, body),
      profile: (index) => ({
        nickname: ['김하늘', 'Kim, "Sky"', '=HYPERLINK()'][index],
        tags: index === 0 ? ['vip', 'seoul'] : ['busan'],
        attributes: { age: 20 + index },
      }),
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function exportCsv(
    role: Role,
    query = '',
    language = 'ko-KR,ko;q=0.9',
  ): Promise<{ status: number; text: string; headers: Headers }> {
    const response = await fetch(`${stack.apiUrl}/api/recipients/export.csv${query}`, {
      headers: {
        authorization: `Bearer ${await stack.tokenFor(role)}`,
        'x-channel-id': stack.channel.id,
        'accept-language': language,
      },
    });
    // Keep the BOM: the decoder would drop it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    return { status: response.status, text, headers: response.headers };
  }

  it('writes every recipient with Korean headers, a BOM and dates in the channel’s zone', async () => {
    const answer = await exportCsv(
      Role.Manager,
      `?sort=${encodeURIComponent('["kakaoUserId","ASC"]')}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename="recipients-/);
    const bytes = Buffer.from(answer.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = answer.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '카카오 사용자 ID,닉네임,수신 동의,채널 관계,태그,시간대,속성,수신 동의 시각 (Asia/Seoul),마지막 발송 (Asia/Seoul),등록 시각 (Asia/Seoul)',
    );
    expect(lines).toHaveLength(4);
    const first = String(users[0].user_id);
    const recipient = (
      await stack.call<RecipientBody[]>(
        Role.Manager,
        'GET',
        `/api/recipients?filter=${encodeURIComponent(JSON.stringify({ q: first }))}`,
      )
    ).body[0];
    const registered = DateTime.fromISO(recipient.createdAt)
      .setZone('Asia/Seoul')
      .toFormat('yyyy-MM-dd HH:mm:ss');
    expect(lines[1]).toMatch(new RegExp(`^${first},김하늘,active,`));
    expect(lines[1]).toContain(',seoul|vip,');
    expect(lines[1]).toContain(',"{""age"":20}",');
    expect(lines[1].endsWith(`,${registered}`)).toBe(true);
    // Commas and quotes are quoted; a formula is defused.
    expect(lines[2]).toContain(',"Kim, ""Sky""",');
    expect(lines[3]).toContain(`,'=HYPERLINK(),`);
  });

  it('follows the list’s filter and answers in English otherwise', async () => {
    const answer = await exportCsv(
      Role.Scheduler,
      `?filter=${encodeURIComponent(JSON.stringify({ tag: ['busan'] }))}`,
      'en-US',
    );
    const lines = answer.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0].startsWith('Kakao user id,Nickname,Consent,')).toBe(true);
    expect(lines[0]).toContain('Registered (Asia/Seoul)');
    expect(lines).toHaveLength(3);
  });

  it('is for those who read recipients', async () => {
    expect((await exportCsv(Role.Admin)).status).toBe(200);
    const marketer = await exportCsv(Role.Marketer);
    expect(marketer.status).toBe(403);
    expect(JSON.parse(marketer.text)).toMatchObject({ code: 'access.permission_denied' });
    const bad = await exportCsv(Role.Admin, '?filter=%7B%22nope%22%3A1%7D');
    expect(bad.status).toBe(400);
  });
});
