import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { RouteAccessScanner } from '@app/access';
import { Role } from '@app/accounts';
import { type ChannelEntity } from '@app/channels';
import {
  type ApiClient,
  createAuthedClient,
  expectEventually,
  seedChannel,
  seedUser,
  startTestStack,
  type TestStack,
} from '@app/testing';

import {
  blastBody,
  everyoneAudience,
  progressOf,
  publishedCampaign,
  seedRecipients,
} from './blasts/blast-fixtures';

jest.setTimeout(180_000);

/** One request of the matrix: a route (as the route scanner names it) called with ids of `V`. */
interface ForeignCall {
  route: string;
  method: string;
  path: string;
  body?: unknown;
  /** A CSV upload instead of a JSON body. */
  csv?: string;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

// Campaign, calendar and unmanaged-event routes have their own foreign-id matrix in
// campaigns/campaign-access.e2e-spec.ts; public routes take signed tokens, not ids.
const COVERED_ELSEWHERE = ['CampaignsController.', 'CalendarsController.'];
/** How often the progress stream is asked for each run id: its failure was intermittent. */
const STREAM_TRIES = 10;

/**
 * Channel V (the stack's) holds one record of every kind; channel O's admin names V's ids in O.
 * Every such call answers exactly like an id that does not exist, and naming V in X-Channel-Id is
 * a 403: no route lets a channel's admin read or touch another channel's records.
 */
describe('cross-channel access: every id-taking route, the progress stream, blast senders', () => {
  let stack: TestStack;
  let receiver: Server;
  let outsiderChannel: ChannelEntity;
  let outsider: ApiClient;
  const v = {
    recipientId: '',
    audienceId: '',
    campaignId: '',
    blastId: '',
    runId: '',
    webhookId: '',
    deliveryId: '',
    importId: '',
    ingestKeyId: '',
    estimateId: '',
    adminId: '',
  };

  async function request(
    client: ApiClient,
    call: Pick<ForeignCall, 'method' | 'path' | 'body' | 'csv'>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const all: Record<string, string> = {
      authorization: `Bearer ${client.token}`,
      'x-channel-id': outsiderChannel.id,
      ...headers,
    };
    let body: FormData | string | undefined;
    if (call.csv !== undefined) {
      body = new FormData();
      body.append('file', new Blob([call.csv], { type: 'text/csv' }), 'list.csv');
    } else if (call.body !== undefined) {
      all['content-type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    // A stream that wrongly opened would not end by itself: the timeout turns it into a failure.
    const response = await fetch(`${stack.apiUrl}${call.path}`, {
      method: call.method,
      headers: all,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  beforeAll(async () => {
    receiver = createServer((_request, response) => response.writeHead(204).end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ok`;
    stack = await startTestStack({
      // The webhook receiver listens on 127.0.0.1: admitted by name, as in webhooks.e2e-spec.ts.
      env: { BLAST_RECONCILE_MS: '500', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    });

    // Channel V: one record of each kind, made through the API by V's own users.
    await seedRecipients(stack, 2);
    const recipients = await stack.call<{ id: string }[]>(Role.Admin, 'GET', '/api/recipients');
    v.recipientId = recipients.body[0].id;
    v.audienceId = await everyoneAudience(stack);
    v.campaignId = await publishedCampaign(stack);
    const blast = await stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      '/api/blasts',
      blastBody(v.campaignId, v.audienceId),
    );
    expect(blast.status).toBe(201);
    v.blastId = blast.body.id;
    const run = await stack.call<{ id: string }>(
      Role.Scheduler,
      'POST',
      `/api/blasts/${v.blastId}/start`,
    );
    expect(run.status).toBe(202);
    v.runId = run.body.id;
    await expectEventually(async () =>
      expect((await progressOf(stack, v.runId)).state).toBe('completed'),
    );
    const webhook = await stack.call<{ id: string }>(Role.Admin, 'POST', '/api/webhooks', {
      url: receiverUrl,
      events: ['blast.started'],
    });
    expect(webhook.status).toBe(201);
    v.webhookId = webhook.body.id;
    const ping = await stack.call<{ id: string }>(
      Role.Admin,
      'POST',
      `/api/webhooks/${v.webhookId}/test`,
    );
    expect(ping.status).toBe(200);
    v.deliveryId = ping.body.id;
    const form = new FormData();
    form.append('file', new Blob(['kakao_user_id,tags\n1,vip\n'], { type: 'text/csv' }), 'a.csv');
    const upload = await fetch(`${stack.apiUrl}/api/recipients/imports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.tokenFor(Role.Scheduler)}`,
        'x-channel-id': stack.channel.id,
      },
      body: form,
    });
    expect(upload.status).toBe(202);
    v.importId = ((await upload.json()) as { id: string }).id;
    const key = await stack.call<{ id: string }>(
      Role.Admin,
      'POST',
      `/api/channels/${stack.channel.id}/ingest-keys`,
      { name: 'V key' },
    );
    expect(key.status).toBe(201);
    v.ingestKeyId = key.body.id;
    const estimate = await stack.call<{ id: string }>(
      Role.Admin,
      'POST',
      `/api/campaigns/${v.campaignId}/reach-estimates`,
      { kind: 'follow', quotaBudget: 2 },
    );
    expect(estimate.status).toBe(202);
    v.estimateId = estimate.body.id;
    v.adminId = (await stack.call<{ id: string }>(Role.Admin, 'GET', '/api/auth/me')).body.id;

    // Channel O and its admin, who has every permission there and none in V.
    outsiderChannel = await seedChannel(stack.api, { name: 'Outsider channel' });
    outsider = await createAuthedClient(stack.apiUrl, {
      ...(await seedUser(stack.api, {
        memberships: [{ channelId: outsiderChannel.id, role: Role.Admin }],
      })),
      channelId: outsiderChannel.id,
    });
  });

  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  /** Every route that takes an id of a channel's record, called with V's ids. */
  function foreignCalls(): ForeignCall[] {
    const channel = stack.channel.id;
    return [
      { route: 'GET /users/:id', method: 'GET', path: `/api/users/${v.adminId}` },
      {
        route: 'PUT /users/:id',
        method: 'PUT',
        path: `/api/users/${v.adminId}`,
        body: { version: 1, memberships: [] },
      },
      { route: 'GET /channels/:id', method: 'GET', path: `/api/channels/${channel}` },
      {
        route: 'PUT /channels/:id',
        method: 'PUT',
        path: `/api/channels/${channel}`,
        body: { version: 1, name: 'Hijacked' },
      },
      {
        route: 'POST /channels/:id/kakao-keys/test',
        method: 'POST',
        path: `/api/channels/${channel}/kakao-keys/test`,
      },
      {
        route: 'POST /channels/:id/ingest-keys',
        method: 'POST',
        path: `/api/channels/${channel}/ingest-keys`,
        body: { name: 'Planted' },
      },
      {
        route: 'GET /channels/:id/ingest-keys',
        method: 'GET',
        path: `/api/channels/${channel}/ingest-keys`,
      },
      {
        route: 'DELETE /channels/:id/ingest-keys/:keyId',
        method: 'DELETE',
        path: `/api/channels/${channel}/ingest-keys/${v.ingestKeyId}`,
      },
      // V's key through O's own channel id.
      {
        route: 'DELETE /channels/:id/ingest-keys/:keyId',
        method: 'DELETE',
        path: `/api/channels/${outsiderChannel.id}/ingest-keys/${v.ingestKeyId}`,
      },
      { route: 'GET /audiences/:id', method: 'GET', path: `/api/audiences/${v.audienceId}` },
      {
        route: 'GET /audiences/:id/size',
        method: 'GET',
        path: `/api/audiences/${v.audienceId}/size`,
      },
      {
        route: 'GET /audiences/:id/members',
        method: 'GET',
        path: `/api/audiences/${v.audienceId}/members`,
      },
      {
        route: 'PUT /audiences/:id',
        method: 'PUT',
        path: `/api/audiences/${v.audienceId}`,
        body: { version: 1, name: 'Hijacked' },
      },
      { route: 'DELETE /audiences/:id', method: 'DELETE', path: `/api/audiences/${v.audienceId}` },
      {
        route: 'POST /audiences/:id/members',
        method: 'POST',
        path: `/api/audiences/${v.audienceId}/members`,
        body: { recipientIds: [v.recipientId] },
      },
      {
        route: 'POST /audiences/:id/members/remove',
        method: 'POST',
        path: `/api/audiences/${v.audienceId}/members/remove`,
        body: { recipientIds: [v.recipientId] },
      },
      {
        route: 'POST /audiences/:id/imports',
        method: 'POST',
        path: `/api/audiences/${v.audienceId}/imports`,
        csv: 'kakao_user_id\n1\n',
      },
      { route: 'GET /blasts/:id', method: 'GET', path: `/api/blasts/${v.blastId}` },
      {
        route: 'POST /blasts/:id/duplicate',
        method: 'POST',
        path: `/api/blasts/${v.blastId}/duplicate`,
        body: {},
      },
      {
        route: 'POST /blasts/:id/start',
        method: 'POST',
        path: `/api/blasts/${v.blastId}/start`,
      },
      {
        route: 'POST /blasts/:id/test-send',
        method: 'POST',
        path: `/api/blasts/${v.blastId}/test-send`,
        body: { recipientId: v.recipientId },
      },
      {
        route: 'GET /blasts/:id/estimate',
        method: 'GET',
        path: `/api/blasts/${v.blastId}/estimate`,
      },
      { route: 'GET /blasts/:id/runs', method: 'GET', path: `/api/blasts/${v.blastId}/runs` },
      { route: 'GET /blast-runs/:runId', method: 'GET', path: `/api/blast-runs/${v.runId}` },
      {
        route: 'GET /blast-runs/:runId/events',
        method: 'GET',
        path: `/api/blast-runs/${v.runId}/events`,
      },
      ...['pause', 'resume', 'cancel'].map((action) => ({
        route: `POST /blast-runs/:runId/${action}`,
        method: 'POST',
        path: `/api/blast-runs/${v.runId}/${action}`,
      })),
      {
        route: 'POST /blast-runs/:runId/resend',
        method: 'POST',
        path: `/api/blast-runs/${v.runId}/resend`,
        body: { states: ['failed'] },
      },
      {
        route: 'GET /blast-runs/:runId/deliveries',
        method: 'GET',
        path: `/api/blast-runs/${v.runId}/deliveries`,
      },
      { route: 'GET /webhooks/:id', method: 'GET', path: `/api/webhooks/${v.webhookId}` },
      {
        route: 'PUT /webhooks/:id',
        method: 'PUT',
        path: `/api/webhooks/${v.webhookId}`,
        body: { version: 1, enabled: false },
      },
      { route: 'DELETE /webhooks/:id', method: 'DELETE', path: `/api/webhooks/${v.webhookId}` },
      {
        route: 'POST /webhooks/:id/rotate-secret',
        method: 'POST',
        path: `/api/webhooks/${v.webhookId}/rotate-secret`,
      },
      {
        route: 'POST /webhooks/:id/test',
        method: 'POST',
        path: `/api/webhooks/${v.webhookId}/test`,
      },
      {
        route: 'GET /webhooks/:id/deliveries',
        method: 'GET',
        path: `/api/webhooks/${v.webhookId}/deliveries`,
      },
      {
        route: 'GET /webhook-deliveries/:id',
        method: 'GET',
        path: `/api/webhook-deliveries/${v.deliveryId}`,
      },
      {
        route: 'POST /webhook-deliveries/:id/redeliver',
        method: 'POST',
        path: `/api/webhook-deliveries/${v.deliveryId}/redeliver`,
      },
      { route: 'GET /recipients/:id', method: 'GET', path: `/api/recipients/${v.recipientId}` },
      {
        route: 'GET /recipients/:id/deliveries',
        method: 'GET',
        path: `/api/recipients/${v.recipientId}/deliveries`,
      },
      {
        route: 'PUT /recipients/:id',
        method: 'PUT',
        path: `/api/recipients/${v.recipientId}`,
        body: { version: 1, tags: ['hijacked'] },
      },
      {
        route: 'DELETE /recipients/:id',
        method: 'DELETE',
        path: `/api/recipients/${v.recipientId}`,
      },
      {
        route: 'GET /recipients/imports/:id',
        method: 'GET',
        path: `/api/recipients/imports/${v.importId}`,
      },
      {
        route: 'GET /recipients/imports/:id/errors.csv',
        method: 'GET',
        path: `/api/recipients/imports/${v.importId}/errors.csv`,
      },
      {
        route: 'POST /campaigns/:id/reach-estimates',
        method: 'POST',
        path: `/api/campaigns/${v.campaignId}/reach-estimates`,
        body: { kind: 'follow', quotaBudget: 2 },
      },
      {
        route: 'GET /campaigns/:id/reach-estimates',
        method: 'GET',
        path: `/api/campaigns/${v.campaignId}/reach-estimates`,
      },
      {
        route: 'GET /reach-estimates/:id',
        method: 'GET',
        path: `/api/reach-estimates/${v.estimateId}`,
      },
    ];
  }

  /** The V id a call names (the last uuid of its path). */
  function foreignIdOf(call: ForeignCall): string {
    const ids = call.path.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g);
    return ids!.at(-1)!;
  }

  it('names every guarded route that takes an id, but for the campaign routes', () => {
    const withIds = stack.api
      .get(RouteAccessScanner)
      .routes()
      .filter(
        (route) =>
          route.route.includes('/:') &&
          route.rule?.kind !== 'public' &&
          !COVERED_ELSEWHERE.some((prefix) => route.handler.startsWith(prefix)),
      )
      .map((route) => route.route);
    expect([...new Set(foreignCalls().map((call) => call.route))].sort()).toEqual(
      [...new Set(withIds)].sort(),
    );
  });

  it("answers O's admin naming V's ids exactly as for ids that do not exist (404)", async () => {
    for (const call of foreignCalls()) {
      const foreign = await request(outsider, call);
      expect({ route: call.route, path: call.path, status: foreign.status }).toEqual({
        route: call.route,
        path: call.path,
        status: 404,
      });
      expect(foreign.contentType).toMatch(/application\/json/);
      const foreignId = foreignIdOf(call);
      const unknownId = randomUUID();
      const unknown = await request(outsider, {
        ...call,
        path: call.path.replace(foreignId, unknownId),
      });
      expect({ route: call.route, status: unknown.status }).toEqual({
        route: call.route,
        status: 404,
      });
      expect(foreign.text.replace(foreignId, unknownId)).toBe(unknown.text);
    }
  });

  it("answers 403 to O's admin who names V in X-Channel-Id", async () => {
    // Channel routes take the channel from the path, not the header: refused above as 404s.
    for (const call of foreignCalls().filter((entry) => !entry.path.startsWith('/api/channels/'))) {
      const answer = await request(outsider, call, { 'x-channel-id': stack.channel.id });
      expect({ route: call.route, status: answer.status, body: JSON.parse(answer.text) }).toEqual({
        route: call.route,
        status: 403,
        body: { statusCode: 403, code: 'access.not_channel_member', message: expect.any(String) },
      });
    }
  });

  it("never opens the progress stream of V's run or of an unknown run (always 404)", async () => {
    for (const runId of [v.runId, randomUUID()]) {
      for (let attempt = 0; attempt < STREAM_TRIES; attempt += 1) {
        const answer = await request(outsider, {
          method: 'GET',
          path: `/api/blast-runs/${runId}/events`,
        });
        expect({ runId, status: answer.status, contentType: answer.contentType }).toEqual({
          runId,
          status: 404,
          contentType: expect.stringMatching(/application\/json/),
        });
        expect(JSON.parse(answer.text)).toMatchObject({ code: 'blast.run_not_found' });
      }
    }
  });

  it("leaves V's records as they were", async () => {
    const audience = await stack.call<{ name: string; version: number }>(
      Role.Admin,
      'GET',
      `/api/audiences/${v.audienceId}`,
    );
    expect(audience.body.version).toBe(1);
    const recipient = await stack.call<{ tags: string[]; consentState: string }>(
      Role.Admin,
      'GET',
      `/api/recipients/${v.recipientId}`,
    );
    expect(recipient.body.tags).not.toContain('hijacked');
    expect(recipient.body.consentState).toBe('active');
    const webhook = await stack.call<{ enabled: boolean; version: number }>(
      Role.Admin,
      'GET',
      `/api/webhooks/${v.webhookId}`,
    );
    expect(webhook.body).toMatchObject({ enabled: true, version: 1 });
    const keys = await stack.call<{ id: string; revokedAt: string | null }[]>(
      Role.Admin,
      'GET',
      `/api/channels/${stack.channel.id}/ingest-keys`,
    );
    expect(keys.body.find((key) => key.id === v.ingestKeyId)?.revokedAt).toBeNull();
    const admin = await stack.call<{ role: string }>(Role.Admin, 'GET', `/api/users/${v.adminId}`);
    expect(admin.body.role).toBe('admin');
  });

  describe('the sender of a friends blast', () => {
    async function friendsBlast(
      caller: (body: unknown) => Promise<{ status: number; body: unknown }>,
      audienceId: string,
      senderRecipientId: string,
    ) {
      return caller(
        blastBody(v.campaignId, audienceId, { deliveryMode: 'friends', senderRecipientId }),
      );
    }

    it("must be a recipient of the blast's channel (400 naming senderRecipientId)", async () => {
      const audienceO = await outsider.post<{ id: string }>('/api/audiences', {
        name: 'Everyone in O',
        kind: 'dynamic',
        rules: {
          combinator: 'and',
          children: [{ field: 'consentState', operator: 'eq', value: 'active' }],
        },
      });
      expect(audienceO.status).toBe(201);
      const inO = (body: unknown) => outsider.post('/api/blasts', body);
      const inV = (body: unknown) => stack.call(Role.Scheduler, 'POST', '/api/blasts', body);
      for (const [caller, audienceId, sender] of [
        [inO, audienceO.body.id, v.recipientId],
        [inO, audienceO.body.id, randomUUID()],
        [inV, v.audienceId, randomUUID()],
      ] as const) {
        const answer = await friendsBlast(caller, audienceId, sender);
        expect({ status: answer.status, body: answer.body }).toEqual({
          status: 400,
          body: expect.objectContaining({
            code: 'blast.invalid',
            errors: { senderRecipientId: 'must be a recipient of this channel' },
          }),
        });
      }
      // V's own recipient sends for V.
      const own = await friendsBlast(inV, v.audienceId, v.recipientId);
      expect(own.status).toBe(201);
    });
  });
});
