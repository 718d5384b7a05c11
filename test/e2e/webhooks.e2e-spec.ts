import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { Role } from '@app/accounts';
import { JobsService, QueueName } from '@app/jobs';
import { expectEventually, startTestStack, type TestStack } from '@app/testing';
import { verifyWebhookSignature } from '@app/webhooks';

import {
  blastBody,
  everyoneAudience,
  progressOf,
  publishedCampaign,
  seedRecipients,
  startBlast,
} from './blasts/blast-fixtures';

jest.setTimeout(120_000);

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: {
    id: string;
    type: string;
    createdAt: string;
    channelId: string;
    data: Record<string, unknown>;
  };
}

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  version: number;
  secret?: string;
}

interface Delivery {
  id: string;
  eventType: string;
  eventId: string;
  state: string;
  attempts: number;
  lastStatusCode: number | null;
  attemptLog: { attemptNo: number; statusCode: number | null; responseBody: string | null }[];
}

const ALL_EVENTS = [
  'campaign.published',
  'campaign.publish_failed',
  'campaign.drifted',
  'blast.started',
  'blast.paused',
  'blast.finished',
  'blast.failed',
];

/** A local receiver: `/ok/*` answers 204, `/flaky/*` fails twice per event id, then 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const json = JSON.parse(body) as Received['json'];
      received.push({ path: request.url ?? '', headers: request.headers, body, json });
      if (request.url?.startsWith('/flaky')) {
        const failed = failures.get(json.id) ?? 0;
        if (failed < 2) {
          failures.set(json.id, failed + 1);
          response.writeHead(500, { 'content-type': 'text/plain' }).end('not yet');
          return;
        }
      }
      response.writeHead(request.url?.startsWith('/ok') ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received };
}

describe('outbound webhooks', () => {
  let stack: TestStack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let campaignId: string;
  let audienceId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startTestStack({
      env: {
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_SWEEP_MS: '500',
        BLAST_RECONCILE_MS: '500',
        // The receiver listens on 127.0.0.1: admitted by name, and nothing else local is.
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  async function createEndpoint(path: string, events = ALL_EVENTS): Promise<Endpoint> {
    const created = await stack.call<Endpoint>(Role.Admin, 'POST', '/api/webhooks', {
      url: `${receiver.url}${path}`,
      events,
      description: `receiver ${path}`,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const receivedAt = (path: string): Received[] =>
    receiver.received.filter((request) => request.path === path);

  it('is for administrators only', async () => {
    for (const role of [Role.Marketer, Role.Manager, Role.Scheduler]) {
      const list = await stack.call(role, 'GET', '/api/webhooks');
      expect(list.status).toBe(403);
      const create = await stack.call(role, 'POST', '/api/webhooks', {
        url: 'https://example.com/hook',
        events: ['blast.started'],
      });
      expect(create.status).toBe(403);
    }
    expect((await stack.call(Role.Admin, 'GET', '/api/webhooks')).status).toBe(200);
  });

  it('names the bad fields', async () => {
    const bad = await stack.call<{ code: string; errors: Record<string, string> }>(
      Role.Admin,
      'POST',
      '/api/webhooks',
      { url: 'http://example.com/hook', events: ['blast.exploded'] },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.url).toMatch(/https/);
    expect(bad.body.errors.events).toMatch(/one of/);
    const empty = await stack.call<{ errors: Record<string, string> }>(
      Role.Admin,
      'POST',
      '/api/webhooks',
      { url: 'https://example.com/hook', events: [] },
    );
    expect(Object.keys(empty.body.errors)).toEqual(['events']);
  });

  it('refuses private and local targets the operator did not admit, in any spelling', async () => {
    const port = new URL(receiver.url).port;
    for (const url of [
      `http://127.0.0.2:${port}/ok/neighbour`,
      `http://localhost:${port}/ok/by-name`,
      `http://[::ffff:127.0.0.2]:${port}/ok/mapped`,
      'https://169.254.169.254/latest/meta-data/',
      'https://2852039166/',
      'https://10.0.0.1/hook',
      'https://[fd00::1]/hook',
      'https://metadata.google.internal/',
    ]) {
      const refused = await stack.call<{ errors: Record<string, string> }>(
        Role.Admin,
        'POST',
        '/api/webhooks',
        { url, events: ['blast.started'] },
      );
      expect([url, refused.status, refused.body.errors]).toEqual([
        url,
        400,
        { url: 'must not point at a private or local address' },
      ]);
    }
    // An admitted address in another spelling is stored as what it reaches.
    const created = await stack.call<Endpoint>(Role.Admin, 'POST', '/api/webhooks', {
      url: `http://0x7f000001:${port}/ok/spelled`,
      events: ['blast.started'],
    });
    expect(created.status).toBe(201);
    expect(created.body.url).toBe(`http://127.0.0.1:${port}/ok/spelled`);
    const moved = await stack.call<{ errors: Record<string, string> }>(
      Role.Admin,
      'PUT',
      `/api/webhooks/${created.body.id}`,
      { version: created.body.version, url: 'https://192.168.0.1:8443/' },
    );
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual({ url: 'must not point at a private or local address' });
    expect(receivedAt('/ok/neighbour')).toEqual([]);
  });

  it('signs a test ping with the secret shown once', async () => {
    const endpoint = await createEndpoint('/ok/ping');
    expect(endpoint.secret).toMatch(/^whsec_/);
    const shown = await stack.call<Endpoint>(Role.Admin, 'GET', `/api/webhooks/${endpoint.id}`);
    expect(shown.body).not.toHaveProperty('secret');

    const test = await stack.call<Delivery>(
      Role.Admin,
      'POST',
      `/api/webhooks/${endpoint.id}/test`,
    );
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ eventType: 'ping', state: 'delivered', attempts: 1 });
    expect(test.body.attemptLog).toEqual([
      expect.objectContaining({ attemptNo: 1, statusCode: 204 }),
    ]);

    const [ping] = receivedAt('/ok/ping');
    expect(ping.headers['content-type']).toBe('application/json');
    expect(ping.headers['x-kcc-event']).toBe('ping');
    expect(ping.headers['x-kcc-delivery']).toBe(test.body.id);
    expect(ping.json).toMatchObject({
      id: test.body.eventId,
      type: 'ping',
      channelId: stack.channel.id,
    });
    // The documented recipe, by hand: HMAC-SHA256 of "<timestamp>.<raw body>" with the secret.
    const timestamp = String(ping.headers['x-kcc-timestamp']);
    const mac = createHmac('sha256', endpoint.secret!)
      .update(`${timestamp}.${ping.body}`)
      .digest('hex');
    expect(ping.headers['x-kcc-signature']).toBe(`v1=${mac}`);
    expect(
      verifyWebhookSignature({
        secret: endpoint.secret!,
        signatureHeader: String(ping.headers['x-kcc-signature']),
        timestamp,
        body: ping.body,
      }),
    ).toBe(true);

    // After a rotation only the new secret verifies.
    const rotated = await stack.call<Endpoint>(
      Role.Admin,
      'POST',
      `/api/webhooks/${endpoint.id}/rotate-secret`,
    );
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    await stack.call(Role.Admin, 'POST', `/api/webhooks/${endpoint.id}/test`);
    const second = receivedAt('/ok/ping')[1];
    const check = (secret: string) =>
      verifyWebhookSignature({
        secret,
        signatureHeader: String(second.headers['x-kcc-signature']),
        timestamp: String(second.headers['x-kcc-timestamp']),
        body: second.body,
      });
    expect(check(rotated.body.secret!)).toBe(true);
    expect(check(endpoint.secret!)).toBe(false);
  });

  it('retries a failing receiver with backoff and logs every attempt', async () => {
    const endpoint = await createEndpoint('/flaky/1');
    const first = await stack.call<Delivery>(
      Role.Admin,
      'POST',
      `/api/webhooks/${endpoint.id}/test`,
    );
    expect(first.body).toMatchObject({ state: 'pending', attempts: 1, lastStatusCode: 500 });
    await expectEventually(async () => {
      const delivery = await stack.call<Delivery>(
        Role.Admin,
        'GET',
        `/api/webhook-deliveries/${first.body.id}`,
      );
      expect(delivery.body.state).toBe('delivered');
    });
    const delivery = await stack.call<Delivery>(
      Role.Admin,
      'GET',
      `/api/webhook-deliveries/${first.body.id}`,
    );
    expect(delivery.body).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    expect(
      delivery.body.attemptLog.map((attempt) => [attempt.attemptNo, attempt.statusCode]),
    ).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(delivery.body.attemptLog[0].responseBody).toBe('not yet');
    // The same event and delivery every time, so the receiver can drop duplicates.
    const requests = receivedAt('/flaky/1');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.json.id))).toEqual(
      new Set([first.body.eventId]),
    );
    expect(new Set(requests.map((request) => request.headers['x-kcc-delivery']))).toEqual(
      new Set([first.body.id]),
    );

    const list = await stack.call<Delivery[]>(
      Role.Admin,
      'GET',
      `/api/webhooks/${endpoint.id}/deliveries?range=[0,9]`,
    );
    expect(list.headers.get('content-range')).toBe('webhook-deliveries 0-0/1');

    // Redelivery: a new delivery of the same event.
    const again = await stack.call<Delivery>(
      Role.Admin,
      'POST',
      `/api/webhook-deliveries/${first.body.id}/redeliver`,
    );
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(first.body.id);
    expect(again.body.eventId).toBe(first.body.eventId);
    await expectEventually(async () => {
      const redelivered = await stack.call<Delivery>(
        Role.Admin,
        'GET',
        `/api/webhook-deliveries/${again.body.id}`,
      );
      expect(redelivered.body.state).toBe('delivered');
    });
  });

  it('emits campaign.published and blast events, once each, to a healthy receiver', async () => {
    const endpoint = await createEndpoint('/ok/events');
    // An endpoint that does not subscribe, and a disabled one, get nothing.
    await createEndpoint('/ok/paused-only', ['blast.paused']);
    const disabled = await createEndpoint('/ok/disabled');
    const update = await stack.call(Role.Admin, 'PUT', `/api/webhooks/${disabled.id}`, {
      version: disabled.version,
      enabled: false,
    });
    expect(update.status).toBe(200);
    const stale = await stack.call<{ code: string }>(
      Role.Admin,
      'PUT',
      `/api/webhooks/${disabled.id}`,
      {
        version: disabled.version,
        enabled: true,
      },
    );
    expect(stale.status).toBe(409);

    campaignId = await publishedCampaign(stack);
    await seedRecipients(stack, 20);
    audienceId = await everyoneAudience(stack);
    const runId = await startBlast(stack, blastBody(campaignId, audienceId));
    await expectEventually(
      async () => expect((await progressOf(stack, runId)).state).toBe('completed'),
      {
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
    await expectEventually(() =>
      expect(receivedAt('/ok/events').map((request) => request.json.type)).toEqual(
        expect.arrayContaining(['campaign.published', 'blast.started', 'blast.finished']),
      ),
    );
    // Let late duplicates (there should be none) arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const events = receivedAt('/ok/events');
    expect(events.map((request) => request.json.type).sort()).toEqual([
      'blast.finished',
      'blast.started',
      'campaign.published',
    ]);
    const byType = new Map(events.map((request) => [request.json.type, request.json]));
    expect(byType.get('campaign.published')?.data).toMatchObject({
      campaignId,
      syncState: 'published',
      revision: 1,
    });
    expect(byType.get('blast.started')?.data).toMatchObject({ runId });
    expect(byType.get('blast.finished')?.data).toMatchObject({
      runId,
      total: 20,
      counts: expect.objectContaining({ sent: 20, failed: 0 }) as unknown,
    });
    for (const request of events) {
      expect(request.json.channelId).toBe(stack.channel.id);
      expect(
        verifyWebhookSignature({
          secret: endpoint.secret!,
          signatureHeader: String(request.headers['x-kcc-signature']),
          timestamp: String(request.headers['x-kcc-timestamp']),
          body: request.body,
        }),
      ).toBe(true);
    }
    expect(receivedAt('/ok/paused-only')).toEqual([]);
    expect(receivedAt('/ok/disabled')).toEqual([]);

    const deliveries = await stack.call<Delivery[]>(
      Role.Admin,
      'GET',
      `/api/webhooks/${endpoint.id}/deliveries?filter=${encodeURIComponent('{"state":"delivered"}')}`,
    );
    expect(deliveries.body).toHaveLength(3);
    expect(deliveries.body.every((delivery) => delivery.attempts === 1)).toBe(true);
  });

  it('emits blast.paused with the reason and blast.failed for a cancelled run', async () => {
    await createEndpoint('/ok/run-control', ['blast.paused', 'blast.failed']);
    const runId = await startBlast(stack, blastBody(campaignId, audienceId, { ratePerSecond: 1 }));
    await expectEventually(async () =>
      expect((await progressOf(stack, runId)).state).toBe('sending'),
    );
    expect(
      (await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/pause`)).status,
    ).toBe(200);
    // Pausing a paused run again is no news.
    await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/pause`);
    expect(
      (await stack.call(Role.Scheduler, 'POST', `/api/blast-runs/${runId}/cancel`)).status,
    ).toBe(200);
    await expectEventually(() => expect(receivedAt('/ok/run-control')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [paused, failed] = receivedAt('/ok/run-control')
      .map((request) => request.json)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(paused).toMatchObject({
      type: 'blast.paused',
      data: { runId, reason: 'manual', resumeAt: null },
    });
    expect(failed).toMatchObject({ type: 'blast.failed', data: { runId, reason: 'cancelled' } });
    expect(receivedAt('/ok/run-control')).toHaveLength(2);
  });

  it('deletes an endpoint with its log', async () => {
    const endpoint = await createEndpoint('/ok/gone');
    const removed = await stack.call(Role.Admin, 'DELETE', `/api/webhooks/${endpoint.id}`);
    expect(removed.status).toBe(200);
    expect((await stack.call(Role.Admin, 'GET', `/api/webhooks/${endpoint.id}`)).status).toBe(404);
    const audit = await stack.call<{ action: string }[]>(
      Role.Admin,
      'GET',
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: endpoint.id }))}`,
    );
    expect(audit.body.map((row) => row.action).sort()).toEqual([
      'webhook.create',
      'webhook.delete',
    ]);
  });

  it('re-queues a delivery whose job Redis lost', async () => {
    const endpoint = await createEndpoint('/ok/lost');
    const ping = await stack.call<Delivery>(
      Role.Admin,
      'POST',
      `/api/webhooks/${endpoint.id}/test`,
    );
    expect(ping.body.state).toBe('delivered');
    await stack.stopWorker();
    const again = await stack.call<Delivery>(
      Role.Admin,
      'POST',
      `/api/webhook-deliveries/${ping.body.id}/redeliver`,
    );
    expect(again.body.state).toBe('pending');
    // Redis restarts empty: the queued job is gone; Postgres still has the pending delivery.
    await stack.api.get(JobsService).queueFor(QueueName.Webhooks).obliterate({ force: true });
    await stack.startWorker();
    await expectEventually(async () => {
      const delivery = await stack.call<Delivery>(
        Role.Admin,
        'GET',
        `/api/webhook-deliveries/${again.body.id}`,
      );
      expect(delivery.body).toMatchObject({ state: 'delivered', attempts: 1 });
    });
    expect(receivedAt('/ok/lost')).toHaveLength(2);
  });
});
