import { PassThrough } from 'node:stream';

import { Logger } from '@nestjs/common';

import { Role } from '@app/accounts';
import { useLogDestination } from '@app/observability';
import { expectEventually, startTestStack, TEST_PASSWORD, type TestStack } from '@app/testing';

jest.setTimeout(120_000);

const QUERY_SECRET = 'query-secret-5d1f0c9a';
const LOGGED_PASSWORD = 'logged-password-77ab';

describe('structured logs', () => {
  let stack: TestStack;
  const lines: string[] = [];

  beforeAll(async () => {
    const output = new PassThrough();
    let pending = '';
    output.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      lines.push(...complete.filter((line) => line !== ''));
    });
    useLogDestination(output);
    stack = await startTestStack({ env: { LOG_LEVEL: 'debug' } });
  });

  afterAll(async () => {
    await stack?.close();
    useLogDestination(undefined);
  });

  const parsed = (): Record<string, unknown>[] =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes JSON lines with a request id that follows the request into its jobs', async () => {
    const requestId = 'req-follow-me-1';
    const created = await stack.call<{ id: string }>(Role.Marketer, 'POST', '/api/campaigns', {
      name: 'Logged campaign',
      content: {
        title: 'Spring Pop-up',
        allDay: false,
        startsAt: '2030-04-12T10:00:00+09:00',
        endsAt: '2030-04-12T19:00:00+09:00',
        timeZone: 'Asia/Seoul',
      },
    });
    const id = created.body.id;
    await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/submit`, {});
    await stack.call(Role.Manager, 'POST', `/api/campaigns/${id}/approve`, {});
    const published = await stack.call(
      Role.Marketer,
      'POST',
      `/api/campaigns/${id}/publish`,
      undefined,
      { 'x-request-id': requestId },
    );
    expect(published.headers.get('x-request-id')).toBe(requestId);

    await expectEventually(() => {
      const entries = parsed();
      // The request's own line: method, path, status, duration, channel.
      expect(entries).toContainEqual(
        expect.objectContaining({
          requestId,
          channelId: stack.channel.id,
          req: expect.objectContaining({ method: 'POST', path: `/api/campaigns/${id}/publish` }),
          res: { statusCode: published.status },
          responseTime: expect.any(Number),
        }),
      );
      // The job it queued, logged by the worker with the same request id and the channel.
      expect(entries).toContainEqual(
        expect.objectContaining({
          requestId,
          channelId: stack.channel.id,
          job: 'CampaignOutboxProcess',
          level: 'debug',
        }),
      );
    });
    for (const entry of parsed()) {
      expect(entry).toMatchObject({ level: expect.any(String), time: expect.any(String) });
    }
  });

  it('never writes passwords, tokens, keys or query strings', async () => {
    const token = await stack.tokenFor(Role.Admin);
    // A query string with a secret, an unknown path with one, a failing login.
    await stack.call(Role.Admin, 'GET', `/api/campaigns?token=${QUERY_SECRET}`);
    await fetch(`${stack.apiUrl}/api/nowhere?access_token=${QUERY_SECRET}`, {
      headers: { authorization: `Bearer ${token}`, cookie: `kcc_login_device=${QUERY_SECRET}` },
    });
    await stack.call(null, 'POST', '/api/auth/login', {
      email: stack.emailOf(Role.Admin),
      password: `${TEST_PASSWORD}-wrong`,
    });
    // Code that logs a credential by mistake: an object with one, a message quoting a header.
    const logger = new Logger('Careless');
    logger.warn({
      password: LOGGED_PASSWORD,
      user: { token, adminKey: stack.sandboxApp.admin_key },
    });
    logger.error(
      `Call failed with authorization Bearer ${token} KakaoAK ${stack.sandboxApp.admin_key}`,
    );

    await expectEventually(() =>
      expect(lines.some((line) => line.includes('/api/nowhere'))).toBe(true),
    );
    expect(lines.length).toBeGreaterThan(10);
    const secrets = [
      QUERY_SECRET,
      LOGGED_PASSWORD,
      TEST_PASSWORD,
      token,
      stack.sandboxApp.admin_key,
      stack.sandboxApp.rest_api_key,
      stack.sandboxApp.client_secret,
    ];
    for (const line of lines) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      for (const secret of secrets) {
        expect({ line, leaks: line.includes(secret) }).toMatchObject({ leaks: false });
      }
    }
    expect(lines.some((line) => line.includes('[redacted]'))).toBe(true);
  });
});
