import { Role } from '@app/accounts';
import { QueueName } from '@app/jobs';
import { startTestStack, type TestStack } from '@app/testing';

jest.setTimeout(60_000);

interface Ticket {
  url: string;
  expiresAt: string;
}

/** The `name=value` part of a Set-Cookie header. */
function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('queue board (Bull Board) for administrators', () => {
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

  it.each([Role.Marketer, Role.Manager, Role.Scheduler])(
    'refuses a ticket to a %s (403)',
    async (role) => {
      const answer = await stack.call(role, 'POST', '/api/queue-board/ticket');
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'access.permission_denied' });
    },
  );

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
    expect(await page.text()).toContain('<base href="/api/queues/" />');
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
});
