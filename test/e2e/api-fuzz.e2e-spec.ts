/**
 * Schema-driven fuzzing of every operation in the API's own OpenAPI document, as a role that may
 * call it: hostile field values and keys, whole bodies, content types, path parameters and query
 * values, from a seeded generator. No answer may be a 5xx, the API must stay up, and every 400
 * must be the error envelope naming the field (or the parameter) it refuses.
 *
 * FUZZ_SCALE (default 1) multiplies the generated cases for a longer run; FUZZ_SEED picks the seed.
 */
import { randomUUID } from 'node:crypto';

import fc from 'fast-check';

import { ROLE_PERMISSIONS, RouteAccessScanner } from '@app/access';
import { Role } from '@app/accounts';
import { startTestStack, type TestStack } from '@app/testing';

import {
  blastBody,
  everyoneAudience,
  publishedCampaign,
  seedRecipients,
  startBlast,
} from './blasts/blast-fixtures';
import { draftBody } from './campaigns/campaign-fixtures';
import {
  encodeQueryValue,
  HOSTILE_BODIES,
  HOSTILE_CONTENT,
  HOSTILE_PATH_VALUES,
  hostileKey,
  hostileQueryValue,
  hostileValue,
  RawJson,
  serializeBody,
} from './support/hostile-values';
import {
  joinPath,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  readOperations,
  replaceAt,
  resolveSchema,
  sameFieldFamily,
  sampleFromSchema,
  valueAt,
  valuePaths,
} from './support/openapi-operations';

jest.setTimeout(900_000);

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const BODY_CASES = 48 * SCALE;
const QUERY_CASES = 14 * SCALE;
const HEALTH_EVERY = 200;

/** 400s about the body as a whole (syntax, size, type): there is no field to name. */
const BODY_LEVEL_CASE = new Set(['raw-body', 'content-type']);

interface Ids {
  channel: string;
  campaign: string;
  publishedCampaign: string;
  blast: string;
  run: string;
  recipient: string;
  audience: string;
  staticAudience: string;
  victimUser: string;
  webhook: string;
  webhookDelivery: string;
  ingestKeyId: string;
  ingestKey: string;
  subscribeCalendar: string;
}

interface Finding {
  operation: string;
  kind: string;
  detail: string;
  status: number;
  answer: string;
}

interface Figures {
  operations: number;
  requests: number;
  byStatus: Map<number, number>;
  serverErrors: number;
  crashes: number;
}

/** Operations that end the fuzzing identity or its fixtures run after all others. */
const DESTRUCTIVE = (operation: Operation) =>
  operation.method === 'DELETE' ||
  operation.route === 'PUT /channels/:id' ||
  operation.route === 'POST /auth/logout';

describe('API fuzzing from the OpenAPI document', () => {
  let stack: TestStack;
  let document: OpenApiDocument;
  let operations: Operation[];
  let ids: Ids;
  const roleOf = new Map<string, Role | null>();
  const findings: Finding[] = [];
  const figures: Figures = {
    operations: 0,
    requests: 0,
    byStatus: new Map(),
    serverErrors: 0,
    crashes: 0,
  };

  beforeAll(async () => {
    stack = await startTestStack();
    document = (await (await fetch(`${stack.apiUrl}/api/docs/json`)).json()) as OpenApiDocument;
    operations = readOperations(document);
    for (const route of stack.api.get(RouteAccessScanner).routes()) {
      roleOf.set(route.route, allowedRole(route.rule));
    }
    ids = await collectIds(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  function allowedRole(rule: { kind: string; permission?: string } | undefined): Role | null {
    if (rule?.kind === 'public') {
      return null;
    }
    if (rule?.kind === 'permission') {
      const role = Object.values(Role).find((candidate) =>
        [...ROLE_PERMISSIONS[candidate]].some((permission) => permission === rule.permission),
      );
      return role ?? Role.Admin;
    }
    return Role.Admin;
  }

  function pathValue(operation: Operation, name: string): string {
    const resource = operation.path.split('/')[2] ?? '';
    if (name === 'revision') {
      return '1';
    }
    if (name === 'keyId') {
      return ids.ingestKeyId;
    }
    if (name === 'runId') {
      return ids.run;
    }
    const byResource: Record<string, string> = {
      users: ids.victimUser,
      channels: ids.channel,
      campaigns: ids.campaign,
      blasts: ids.blast,
      recipients: operation.path.includes('/imports/') ? randomUUID() : ids.recipient,
      audiences: operation.path.includes('/members') ? ids.staticAudience : ids.audience,
      webhooks: ids.webhook,
      'webhook-deliveries': ids.webhookDelivery,
      'subscribe-calendars': ids.subscribeCalendar,
    };
    return byResource[resource] ?? randomUUID();
  }

  function knownGoodBody(operation: Operation): unknown {
    const rules = {
      combinator: 'and',
      children: [{ field: 'optedInAt', operator: 'before', value: '2024-02-01' }],
    };
    const bases: Record<string, () => unknown> = {
      'POST /auth/login': () => ({ email: 'nobody@fuzz.test', password: 'not-the-password-1' }),
      'POST /users': () => ({
        email: `fuzz-${randomUUID()}@fuzz.test`,
        displayName: 'Fuzz',
        password: 'violet-harbour-lantern-42',
        memberships: [{ channelId: ids.channel, role: 'marketer' }],
      }),
      'PUT /users/:id': () => ({ version: 1, displayName: 'Victim' }),
      'PUT /channels/:id': () => ({ version: 1, name: 'Fuzzed channel' }),
      'POST /campaigns': () => draftBody(),
      'PUT /campaigns/:id': () => ({ version: 1, ...draftBody() }),
      'POST /blasts': () => blastBody(ids.publishedCampaign, ids.audience),
      'POST /blasts/estimate': () => ({ audienceId: ids.audience, ratePerSecond: 10 }),
      'POST /blasts/:id/test-send': () => ({ recipientId: ids.recipient }),
      'POST /blast-runs/:runId/resend': () => ({ states: ['failed'] }),
      'POST /audiences': () => ({ name: 'Fuzz', kind: 'dynamic', rules }),
      'PUT /audiences/:id': () => ({ version: 1, name: 'Fuzzed', rules }),
      'POST /audiences/preview': () => ({ rules }),
      'POST /audiences/:id/members': () => ({ recipientIds: [ids.recipient] }),
      'POST /audiences/:id/members/remove': () => ({ recipientIds: [ids.recipient] }),
      'POST /webhooks': () => ({
        url: 'https://hooks.example.com/kcc',
        events: ['blast.started'],
        enabled: false,
      }),
      'PUT /webhooks/:id': () => ({ version: 1, description: 'fuzzed' }),
      'POST /ingest/recipients': () => ({
        recipients: [{ kakaoUserId: '4242', accessToken: 'fuzz-token' }],
      }),
      'POST /channels/:id/ingest-keys': () => ({ name: 'fuzz' }),
      'PUT /recipients/:id': () => ({ version: 1, tags: ['fuzz'] }),
      'POST /campaigns/:id/submit': () => ({ comment: 'please' }),
      'POST /campaigns/:id/approve': () => ({ comment: 'ok' }),
      'POST /campaigns/:id/reject': () => ({ comment: 'no' }),
    };
    const base = bases[operation.route];
    if (base) {
      return base();
    }
    return operation.body
      ? sampleFromSchema(document, operation.body, '', (_path, schema) =>
          schema.format === 'uuid' ? randomUUID() : undefined,
        )
      : {};
  }

  /** Paths of every field the schema declares (arrays as `[0]`), plus those in the base. */
  function fieldPaths(schema: JsonSchema | undefined, base: unknown): string[] {
    const out = new Set(valuePaths(base).filter((path) => path !== ''));
    const walk = (current: JsonSchema, path: string, depth: number) => {
      if (depth > 4) {
        return;
      }
      const resolved = resolveSchema(document, current);
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        const child = joinPath(path, name);
        out.add(child);
        walk(property, child, depth + 1);
      }
      if (resolved.items) {
        out.add(`${path}[0]`);
        walk(resolved.items, `${path}[0]`, depth + 1);
      }
    };
    if (schema) {
      walk(schema, '', 0);
    }
    return [...out];
  }

  function headersFor(operation: Operation): Record<string, string> {
    const headers: Record<string, string> = { 'x-channel-id': ids.channel };
    if (operation.headerParams.includes('X-Api-Key')) {
      headers['x-api-key'] = ids.ingestKey;
    }
    return headers;
  }

  async function send(
    operation: Operation,
    kind: string,
    detail: string,
    request: {
      path?: string;
      query?: string;
      body?: string;
      contentType?: string;
      /** The field a 400 must name; any of `alsoNamed` will do as well. */
      expectField?: string;
      alsoNamed?: readonly string[];
    },
  ): Promise<void> {
    const role = roleOf.get(operation.route) ?? null;
    const headers = headersFor(operation);
    if (role !== null) {
      headers.authorization = `Bearer ${await stack.tokenFor(role)}`;
    }
    if (request.body !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    const path =
      request.path ??
      operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => pathValue(operation, name));
    const url = `${stack.apiUrl}${path}${request.query ? `?${request.query}` : ''}`;
    figures.requests += 1;
    let status: number;
    let text = '';
    try {
      const response = await fetch(url, {
        method: operation.method,
        headers,
        body: request.body,
        signal: AbortSignal.timeout(20_000),
      });
      status = response.status;
      if ((response.headers.get('content-type') ?? '').includes('event-stream')) {
        await response.body?.cancel();
      } else {
        text = await response.text();
      }
    } catch (error) {
      figures.crashes += (await apiAnswers()) ? 0 : 1;
      findings.push({
        operation: operation.route,
        kind,
        detail,
        status: 0,
        answer: String(error),
      });
      return;
    }
    figures.byStatus.set(status, (figures.byStatus.get(status) ?? 0) + 1);
    const finding = (why: string) =>
      findings.push({
        operation: operation.route,
        kind,
        detail: `${detail} — ${why}`,
        status,
        answer: text.slice(0, 300),
      });
    if (status >= 500) {
      figures.serverErrors += 1;
      finding('server error');
    } else if (status === 400) {
      let envelope: { statusCode?: unknown; code?: unknown; errors?: Record<string, unknown> };
      try {
        envelope = JSON.parse(text) as typeof envelope;
      } catch {
        finding('400 without a JSON envelope');
        return;
      }
      if (envelope.statusCode !== 400 || typeof envelope.code !== 'string') {
        finding('400 not in the error envelope');
        return;
      }
      const keys = Object.keys(envelope.errors ?? {});
      if (keys.length === 0 && !BODY_LEVEL_CASE.has(kind)) {
        finding('400 names no field');
      } else if (
        request.expectField !== undefined &&
        keys.length > 0 &&
        !keys.some(
          (key) =>
            sameFieldFamily(key, request.expectField ?? '') ||
            (request.alsoNamed ?? []).includes(key),
        )
      ) {
        finding(`400 names ${keys.join(', ')} instead of ${request.expectField}`);
      }
    }
    if (figures.requests % HEALTH_EVERY === 0 && !(await apiAnswers())) {
      figures.crashes += 1;
      finding('API stopped answering');
    }
  }

  async function apiAnswers(): Promise<boolean> {
    try {
      const health = await fetch(`${stack.apiUrl}/api/health`, {
        signal: AbortSignal.timeout(10_000),
      });
      await health.text();
      return health.status < 500;
    } catch {
      return false;
    }
  }

  function ordered(): Operation[] {
    return [
      ...operations.filter((operation) => !DESTRUCTIVE(operation)),
      ...operations.filter(DESTRUCTIVE),
    ];
  }

  it('answers no 5xx, stays up and names the field of every 400', async () => {
    const seedOf = (index: number) => SEED + index * 7919;
    for (const [index, operation] of ordered().entries()) {
      figures.operations += 1;
      const takesBody = operation.method !== 'GET' && operation.method !== 'DELETE';

      if (operation.body) {
        const base = knownGoodBody(operation);
        const paths = fieldPaths(operation.body, base);
        const cases = fc.sample(
          fc.oneof(
            fc.record({
              kind: fc.constant('field' as const),
              path: fc.constantFrom(...paths),
              value: hostileValue,
            }),
            fc.record({
              kind: fc.constant('key' as const),
              path: fc.constantFrom('', ...paths),
              key: hostileKey,
              value: hostileValue,
            }),
          ),
          { seed: seedOf(index), numRuns: BODY_CASES },
        );
        for (const testCase of cases) {
          if (testCase.kind === 'field') {
            const body = replaceAt(base, testCase.path, testCase.value);
            await send(operation, 'field', `${testCase.path} = ${summarize(testCase.value)}`, {
              body: serializeBody(body),
              // A field whose parent the base lacks makes that parent incomplete: its required
              // siblings are named too, legitimately.
              ...(parentExists(base, testCase.path) ? { expectField: testCase.path } : {}),
            });
          } else {
            const body = injectKey(base, testCase.path, testCase.key, testCase.value);
            await send(operation, 'key', `${testCase.path}.${JSON.stringify(testCase.key)}`, {
              body: serializeBody(body),
            });
          }
        }
      }

      if (takesBody) {
        for (const raw of HOSTILE_BODIES) {
          await send(operation, 'raw-body', summarize(raw), { body: raw });
        }
        for (const content of HOSTILE_CONTENT) {
          await send(operation, 'content-type', content.type, {
            body: content.body,
            contentType: content.type,
          });
        }
      }

      for (const name of operation.pathParams) {
        for (const value of HOSTILE_PATH_VALUES) {
          const path = operation.path.replace(/\{([^}]+)\}/g, (_match, param: string) =>
            param === name ? value : pathValue(operation, param),
          );
          await send(operation, 'path', `${name} = ${value.slice(0, 40)}`, {
            path,
            expectField: name,
            // A value the router cannot decode is refused before it knows the parameter, and a
            // route may refuse its missing query parameters first.
            alsoNamed: ['url', ...operation.queryParams],
            ...(takesBody ? { body: serializeBody(knownGoodBody(operation)) } : {}),
          });
        }
      }

      if (operation.method === 'GET') {
        const keys = [...new Set(['sort', 'range', 'filter', ...operation.queryParams])];
        const cases = fc.sample(
          fc.record({ key: fc.constantFrom(...keys), value: hostileQueryValue }),
          { seed: seedOf(index) + 1, numRuns: QUERY_CASES },
        );
        for (const testCase of cases) {
          await send(operation, 'query', `${testCase.key}=${testCase.value.slice(0, 60)}`, {
            query: `${testCase.key}=${encodeQueryValue(testCase.value)}`,
            expectField: testCase.key,
            // Only one key is sent: a route may name its other, missing, required parameters.
            alsoNamed: operation.queryParams,
          });
        }
      }
    }

    const alive = await apiAnswers();
    const statuses = [...figures.byStatus.entries()].sort(([a], [b]) => a - b);
    console.log(
      `API fuzzing (seed ${SEED}, scale ${SCALE}): ${figures.operations} operations, ` +
        `${figures.requests} requests, 5xx = ${figures.serverErrors}, crashes = ${figures.crashes}; ` +
        `statuses ${statuses.map(([status, count]) => `${status}×${count}`).join(' ')}`,
    );
    expect(alive).toBe(true);
    expect(findings.slice(0, 40)).toEqual([]);
  });

  /** `base` with an own property `key` (even `__proto__`, as JSON.parse makes it) at `path`. */
  function injectKey(base: unknown, path: string, key: string, value: unknown): unknown {
    const withKey = (target: object) =>
      Object.defineProperty(target, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    const current = path === '' ? base : valueAt(base, path);
    const target =
      typeof current === 'object' && current !== null && !Array.isArray(current)
        ? structuredClone(current)
        : {};
    return path === '' ? withKey(target) : replaceAt(base, path, withKey(target));
  }
});

function parentExists(base: unknown, path: string): boolean {
  const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  const value = parent === path ? base : valueAt(base, parent);
  return typeof value === 'object' && value !== null;
}

function summarize(value: unknown): string {
  if (value instanceof RawJson) {
    return `nesting of ${value.text.length / 6} levels`;
  }
  return (JSON.stringify(value) ?? String(value)).slice(0, 60);
}

async function collectIds(stack: TestStack): Promise<Ids> {
  const first = async (role: Role, path: string): Promise<string> => {
    const answer = await stack.call<{ id: string }[]>(role, 'GET', path);
    const id = Array.isArray(answer.body) ? answer.body[0]?.id : undefined;
    return id ?? randomUUID();
  };
  const created = async (role: Role, path: string, body: object): Promise<string> => {
    const answer = await stack.call<{ id: string }>(role, 'POST', path, body);
    if (answer.status !== 201 && answer.status !== 200) {
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body.id;
  };
  await seedRecipients(stack, 5);
  const audience = await everyoneAudience(stack);
  const published = await publishedCampaign(stack);
  const run = await startBlast(stack, blastBody(published, audience));
  const runAnswer = await stack.call<{ blastId: string }>(
    Role.Scheduler,
    'GET',
    `/api/blast-runs/${run}`,
  );
  const blast = runAnswer.body.blastId;
  const campaign = await created(Role.Marketer, '/api/campaigns', draftBody());
  const victimUser = await created(Role.Admin, '/api/users', {
    email: `victim-${randomUUID()}@fuzz.test`,
    displayName: 'Victim',
    password: 'violet-harbour-lantern-42',
    memberships: [{ channelId: stack.channel.id, role: 'marketer' }],
  });
  const webhook = await created(Role.Admin, '/api/webhooks', {
    url: 'https://hooks.example.com/kcc',
    events: ['blast.started'],
    enabled: true,
  });
  await stack.call(Role.Admin, 'POST', `/api/webhooks/${webhook}/test`);
  const key = await stack.call<{ id: string; key: string }>(
    Role.Admin,
    'POST',
    `/api/channels/${stack.channel.id}/ingest-keys`,
    { name: 'fuzz' },
  );
  return {
    channel: stack.channel.id,
    campaign,
    publishedCampaign: published,
    blast,
    run,
    recipient: await first(Role.Scheduler, '/api/recipients'),
    audience,
    staticAudience: await created(Role.Scheduler, '/api/audiences', {
      name: 'Fuzz static',
      kind: 'static',
    }),
    victimUser,
    webhook,
    webhookDelivery: await first(Role.Admin, `/api/webhooks/${webhook}/deliveries`),
    ingestKeyId: key.body.id,
    ingestKey: key.body.key,
    subscribeCalendar: await first(Role.Marketer, '/api/subscribe-calendars'),
  };
}
