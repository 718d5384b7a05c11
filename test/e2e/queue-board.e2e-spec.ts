import { type LoginResponse, Role, UsersService } from '@app/accounts';
import { QueueName } from '@app/jobs';
import {
  apiRequest,
  seedUser,
  type SeededUser,
  startTestStack,
  TEST_PASSWORD,
  type TestStack,
} from '@app/testing';

jest.setTimeout(60_000);

interface Ticket {
  url: string;
  expiresAt: string;
}

/** The `name=value` part of a Set-Cookie header. */
function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('queue board (Bull Board) for instance operators', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const open = (path: string, cookie?: string) =>
    fetch(`${stack.apiUrl}${path}`, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });

  /** A fresh session of its own (the stack's cached tokens stay untouched). */
  async function signIn(email: string, password: string): Promise<string> {
    const answer = await apiRequest<LoginResponse>(stack.apiUrl, 'POST', '/api/auth/login', {
      body: { email, password },
    });
    expect(answer.status).toBe(200);
    return answer.body.token;
  }

  const asSession = (token: string, method: string, path: string, body?: unknown) =>
    apiRequest(stack.apiUrl, method, path, {
      body,
      headers: { authorization: `Bearer ${token}`, 'x-channel-id': stack.channel.id },
    });

  /** Ticket → pass cookie, as the console's iframe does it; checks the board opens. */
  async function openBoard(token: string): Promise<string> {
    const ticket = await asSession(token, 'POST', '/api/queue-board/ticket');
    expect(ticket.status).toBe(201);
    const redeemed = await open((ticket.body as Ticket).url);
    expect(redeemed.status).toBe(303);
    const cookie = cookieOf(redeemed);
    expect((await open('/api/queues/api/queues', cookie)).status).toBe(200);
    return cookie;
  }

  /** Every way the board can be used with a pass: the page, its API, and a queue action. */
  async function boardAnswers(cookie: string): Promise<number[]> {
    const page = await open('/api/queues/', cookie);
    const api = await open('/api/queues/api/queues', cookie);
    const pause = await fetch(`${stack.apiUrl}/api/queues/api/queues/reach/pause`, {
      method: 'PUT',
      headers: { cookie },
      redirect: 'manual',
    });
    return [page.status, api.status, pause.status];
  }

  /** An admin of the stack's channel, optionally an operator, with a session. */
  async function channelAdmin(operator: boolean): Promise<{ user: SeededUser; token: string }> {
    const user = await seedUser(stack.api, {
      memberships: [{ channelId: stack.channel.id, role: Role.Admin }],
      operator,
    });
    return { user, token: await signIn(user.email, user.password) };
  }

  it.each([Role.Marketer, Role.Manager, Role.Scheduler])(
    'refuses a ticket to a %s (403)',
    async (role) => {
      const answer = await stack.call(role, 'POST', '/api/queue-board/ticket');
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'access.permission_denied' });
    },
  );

  it('refuses a ticket to a channel admin who is not an operator, and says so in /auth/me', async () => {
    const { token } = await channelAdmin(false);
    const answer = await asSession(token, 'POST', '/api/queue-board/ticket');
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      code: 'access.permission_denied',
      message: expect.stringContaining('operators'),
    });
    const me = await asSession(token, 'GET', '/api/auth/me');
    expect(me.body).toMatchObject({ isOperator: false });
    const operatorMe = await stack.call(Role.Admin, 'GET', '/api/auth/me');
    expect(operatorMe.body).toMatchObject({ isOperator: true });
  });

  it('refuses the board, its API and its assets without a pass (403)', async () => {
    for (const path of ['/api/queues', '/api/queues/', '/api/queues/api/queues']) {
      const response = await open(path);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'access.permission_denied' });
    }
    expect((await open('/api/queues/', 'kcc_queue_board=forged')).status).toBe(403);
    expect((await open('/api/queues?ticket=made-up-ticket')).status).toBe(403);
  });

  it('shows an admin the board with every queue, through a one-time ticket', async () => {
    const ticket = await stack.call<Ticket>(Role.Admin, 'POST', '/api/queue-board/ticket');
    expect(ticket.status).toBe(201);
    expect(ticket.body.url).toMatch(/^\/api\/queues\?ticket=[A-Za-z0-9_-]{43}$/);

    const redeemed = await open(ticket.body.url);
    expect(redeemed.status).toBe(303);
    expect(redeemed.headers.get('location')).toBe('/api/queues/');
    const setCookie = redeemed.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^kcc_queue_board=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('Path=/api/queues');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = cookieOf(redeemed);

    const page = await open('/api/queues/', cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<base href="/api/queues/" />');
    // Nothing is fetched from third parties (the board's fonts come from the system).
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    expect(html).toContain('static/css/');
    // The admin UI frames the board from its own origin; no other site may.
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect((await open('/api/queues/static/favicon-32x32.png', cookie)).status).toBe(200);
    expect((await open('/api/queues/static/favicon-32x32.png')).status).toBe(403);

    const api = await open('/api/queues/api/queues', cookie);
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    // Every queue of QueueName (blasts, calendars, campaigns, recipients, webhooks, …).
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());

    // The ticket works once.
    expect((await open(ticket.body.url)).status).toBe(403);
  });

  describe('the pass dies with the session that opened it', () => {
    it('after logout', async () => {
      const token = await signIn(stack.emailOf(Role.Admin), TEST_PASSWORD);
      const cookie = await openBoard(token);
      expect(await boardAnswers(cookie)).toEqual([200, 200, 200]);
      // Resume what the check above paused: the queue is shared with every channel.
      expect(
        (
          await fetch(`${stack.apiUrl}/api/queues/api/queues/reach/resume`, {
            method: 'PUT',
            headers: { cookie },
          })
        ).status,
      ).toBe(200);
      expect((await asSession(token, 'POST', '/api/auth/logout')).status).toBe(204);
      expect(await boardAnswers(cookie)).toEqual([403, 403, 403]);
    });

    it('after a ticket outlived its session', async () => {
      const token = await signIn(stack.emailOf(Role.Admin), TEST_PASSWORD);
      const ticket = await asSession(token, 'POST', '/api/queue-board/ticket');
      expect((await asSession(token, 'POST', '/api/auth/logout')).status).toBe(204);
      expect((await open((ticket.body as Ticket).url)).status).toBe(403);
    });

    it('after a password reset, disabling, or losing the operator flag', async () => {
      const reset = await channelAdmin(true);
      const disabled = await channelAdmin(true);
      const demoted = await channelAdmin(true);
      const cookies = {
        reset: await openBoard(reset.token),
        disabled: await openBoard(disabled.token),
        demoted: await openBoard(demoted.token),
      };
      const versionOf = async (id: string) =>
        (await stack.call<{ version: number }>(Role.Admin, 'GET', `/api/users/${id}`)).body.version;
      expect(
        (
          await stack.call(Role.Admin, 'PUT', `/api/users/${reset.user.id}`, {
            version: await versionOf(reset.user.id),
            password: 'a-reset-by-the-other-admin',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await stack.call(Role.Admin, 'PUT', `/api/users/${disabled.user.id}`, {
            version: await versionOf(disabled.user.id),
            disabled: true,
          })
        ).status,
      ).toBe(200);
      await stack.api.get(UsersService).provision({
        email: demoted.user.email,
        displayName: 'Demoted operator',
        password: demoted.user.password,
        memberships: [{ channelId: stack.channel.id, role: Role.Admin }],
        operator: false,
      });
      for (const cookie of Object.values(cookies)) {
        expect(await boardAnswers(cookie)).toEqual([403, 403, 403]);
      }
      // The demoted admin still has a session, but no way back onto the board.
      expect((await asSession(demoted.token, 'GET', '/api/auth/me')).status).toBe(200);
      expect((await asSession(demoted.token, 'POST', '/api/queue-board/ticket')).status).toBe(403);
    });
  });
});
