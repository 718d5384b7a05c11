import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type Agent } from 'undici';

import {
  createWebhookDispatcher,
  type HostResolver,
  type WebhookEgressPolicy,
  webhookEgressPolicy,
} from './webhook-egress';
import { postWebhook, type WebhookRequest } from './webhook-sender';

const DEFAULT_POLICY = webhookEgressPolicy({ allowPrivateTargets: false, allowedTargets: [] });

/** A receiver on 127.0.0.1: `/moved` redirects with a body, anything else answers 200 with one. */
async function startReceiver(): Promise<{ server: Server; port: number; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    request.resume();
    request.on('end', () => {
      if (request.url === '/moved') {
        response.writeHead(302, { location: 'http://169.254.169.254/' }).end('internal secret');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, paths };
}

/** Resolves names from a table, as DNS would (a rebinding name answers what it likes). */
function resolverOf(table: Record<string, string[]>): HostResolver {
  return (hostname) =>
    Promise.resolve(
      (table[hostname] ?? []).map((address) => ({
        address,
        family: address.includes(':') ? 6 : 4,
      })),
    );
}

describe('postWebhook through the egress policy', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const dispatchers: Agent[] = [];

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.close()));
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  function dispatcherFor(policy: WebhookEgressPolicy, table: Record<string, string[]> = {}) {
    const dispatcher = createWebhookDispatcher(policy, { resolve: resolverOf(table) });
    dispatchers.push(dispatcher);
    return dispatcher;
  }

  const request = (url: string): WebhookRequest => ({
    url,
    secret: 'whsec_test',
    deliveryId: 'delivery-1',
    eventType: 'ping',
    body: '{"id":"e1"}',
    timeoutMs: 2_000,
  });

  beforeEach(() => {
    receiver.paths.length = 0;
  });

  it('refuses a name that resolves to 127.0.0.1, before connecting', async () => {
    const dispatcher = dispatcherFor(DEFAULT_POLICY, { 'hooks.example.test': ['127.0.0.1'] });
    const result = await postWebhook(
      request(`http://hooks.example.test:${receiver.port}/rebound`),
      dispatcher,
    );
    expect(result).toMatchObject({
      delivered: false,
      statusCode: null,
      responseBody: null,
      error: 'refused: hooks.example.test resolves to a private or local address',
    });
    expect(receiver.paths).toEqual([]);
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    const dispatcher = dispatcherFor(DEFAULT_POLICY, {
      'mixed.example.test': ['93.184.216.34', '::ffff:127.0.0.1'],
    });
    const result = await postWebhook(
      request(`http://mixed.example.test:${receiver.port}/mixed`),
      dispatcher,
    );
    expect(result.error).toBe('refused: mixed.example.test resolves to a private or local address');
    expect(receiver.paths).toEqual([]);
  });

  it('refuses a literal loopback address, which sockets never look up', async () => {
    const result = await postWebhook(
      request(`http://127.0.0.1:${receiver.port}/literal`),
      dispatcherFor(DEFAULT_POLICY),
    );
    expect(result.error).toBe('refused: 127.0.0.1 is a private or local address');
    expect(receiver.paths).toEqual([]);
  });

  it('delivers to a target the allow-list names, and keeps the start of its answer', async () => {
    const policy = webhookEgressPolicy({
      allowPrivateTargets: false,
      allowedTargets: ['127.0.0.1'],
    });
    const dispatcher = dispatcherFor(policy, { 'hooks.example.test': ['127.0.0.1'] });
    const literal = await postWebhook(request(`http://127.0.0.1:${receiver.port}/ok`), dispatcher);
    expect(literal).toMatchObject({ delivered: true, statusCode: 200, responseBody: 'thanks' });
    // The name resolves into the admitted address, so it may be used too.
    const named = await postWebhook(
      request(`http://hooks.example.test:${receiver.port}/ok-named`),
      dispatcher,
    );
    expect(named).toMatchObject({ delivered: true, statusCode: 200 });
    expect(receiver.paths).toEqual(['/ok', '/ok-named']);
  });

  it('does not admit the neighbour of an allowed address', async () => {
    const policy = webhookEgressPolicy({
      allowPrivateTargets: false,
      allowedTargets: ['127.0.0.2'],
    });
    const result = await postWebhook(
      request(`http://127.0.0.1:${receiver.port}/neighbour`),
      dispatcherFor(policy),
    );
    expect(result.error).toBe('refused: 127.0.0.1 is a private or local address');
    expect(receiver.paths).toEqual([]);
  });

  it('does not follow a redirect, nor keep what it says', async () => {
    const policy = webhookEgressPolicy({ allowPrivateTargets: true, allowedTargets: [] });
    const result = await postWebhook(
      request(`http://127.0.0.1:${receiver.port}/moved`),
      dispatcherFor(policy),
    );
    expect(result).toMatchObject({
      delivered: false,
      statusCode: 302,
      responseBody: null,
      error: 'HTTP 302 (redirects are not followed)',
    });
    expect(receiver.paths).toEqual(['/moved']);
  });
});
