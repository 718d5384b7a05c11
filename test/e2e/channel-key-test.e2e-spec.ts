import { randomUUID } from 'node:crypto';

import { Role } from '@app/accounts';
import { startTestStack, type TestStack } from '@app/testing';

jest.setTimeout(60_000);

interface KeyCheck {
  key: string;
  state: string;
  code: string | null;
  message: string | null;
}

describe('testing the channel’s Kakao keys', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const test = () =>
    stack.call<{ checkedAt: string; results: KeyCheck[] }>(
      Role.Admin,
      'POST',
      `/api/channels/${stack.channel.id}/kakao-keys/test`,
    );

  async function setKeys(keys: { adminKey?: string; restApiKey?: string }): Promise<void> {
    const channel = await stack.call<{ version: number }>(
      Role.Admin,
      'GET',
      `/api/channels/${stack.channel.id}`,
    );
    const answer = await stack.call(Role.Admin, 'PUT', `/api/channels/${stack.channel.id}`, {
      version: channel.body.version,
      ...keys,
    });
    expect(answer.status).toBe(200);
  }

  it('answers ok for keys Kakao takes', async () => {
    const answer = await test();
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { key: 'adminKey', state: 'ok', code: null, message: null },
      { key: 'restApiKey', state: 'ok', code: null, message: null },
    ]);
  });

  it('names Kakao’s code when it refuses a key', async () => {
    await setKeys({ adminKey: 'not-the-admin-key', restApiKey: 'not-the-rest-api-key' });
    const answer = await test();
    expect(answer.body.results).toEqual([
      expect.objectContaining({ key: 'adminKey', state: 'refused', code: '-401' }),
      expect.objectContaining({ key: 'restApiKey', state: 'refused', code: 'KOE101' }),
    ]);
  });

  it('is for channel admins only, and only for their channels', async () => {
    for (const role of [Role.Marketer, Role.Manager, Role.Scheduler]) {
      const answer = await stack.call<{ code: string }>(
        role,
        'POST',
        `/api/channels/${stack.channel.id}/kakao-keys/test`,
      );
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('access.permission_denied');
    }
    const unknown = await stack.call(
      Role.Admin,
      'POST',
      `/api/channels/${randomUUID()}/kakao-keys/test`,
    );
    expect(unknown.status).toBe(404);
  });
});
