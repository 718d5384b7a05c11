import { randomUUID } from 'node:crypto';

import { Permission, ROLE_PERMISSIONS, RouteAccessScanner } from '@app/access';
import { Role } from '@app/accounts';
import { type ChannelEntity, ChannelsService } from '@app/channels';
import {
  type ApiAnswer,
  type ApiClient,
  createAuthedClient,
  createSandboxApp,
  expectEventually,
  seedUser,
  startTestStack,
  type TestStack,
} from '@app/testing';

import {
  type CampaignBody,
  closeKakaoFor,
  createPublicEventAt,
  draftBody,
  kakaoFor,
  listTotal,
} from './campaign-fixtures';

jest.setTimeout(60_000);

const ROLES = Object.values(Role);

interface RouteCall {
  method: string;
  path: string;
  body?: unknown;
  /** What a denied call must leave untouched; read before and after it. */
  probe?: () => Promise<unknown>;
}

interface RouteCase {
  /** As the route scanner names it: `METHOD /path/:param`, without the `/api` prefix. */
  route: string;
  permission: Permission;
  /** The status an allowed caller gets (the call is built on real, fitting records). */
  ok: number;
  /** Builds a call on fresh records, so an allowed call succeeds and a denied one could have. */
  prepare(): Promise<RouteCall>;
}

interface IdRow {
  id: string;
}

interface CalendarRow extends IdRow {
  kakaoCalendarId: string;
}

interface UnmanagedRow extends IdRow {
  kakaoEventId: string;
  importedCampaignId: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

describe('campaign routes: roles × routes, sign-in, foreign channels', () => {
  let stack: TestStack;
  let calendars: CalendarRow[];
  /** Unmanaged public events of channel A, one per import call of the matrix. */
  const unmanagedPool: UnmanagedRow[] = [];
  /** Published campaigns of channel A, one per unpublish call of the matrix. */
  const publishedPool: CampaignBody[] = [];
  let publishedForCopy: CampaignBody;

  // --- channel A fixtures, made by A's admin through the API -------------------------------

  async function admin<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    return stack.call<T>(Role.Admin, method, path, body);
  }

  async function campaign(id: string): Promise<CampaignBody> {
    return (await admin<CampaignBody>('GET', `/api/campaigns/${id}`)).body;
  }

  async function newCampaign(
    overrides: Partial<ReturnType<typeof draftBody>> = {},
  ): Promise<CampaignBody> {
    const created = await admin<CampaignBody>('POST', '/api/campaigns', {
      ...draftBody({ rrule: undefined, title: `Access ${randomUUID().slice(0, 8)}` }),
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function submittedCampaign(): Promise<CampaignBody> {
    const draft = await newCampaign();
    expect((await admin('POST', `/api/campaigns/${draft.id}/submit`, {})).status).toBe(200);
    return campaign(draft.id);
  }

  async function approvedCampaign(): Promise<CampaignBody> {
    const submitted = await submittedCampaign();
    expect((await admin('POST', `/api/campaigns/${submitted.id}/approve`, {})).status).toBe(200);
    return campaign(submitted.id);
  }

  async function publishedCampaign(): Promise<CampaignBody> {
    const approved = await approvedCampaign();
    expect((await admin('POST', `/api/campaigns/${approved.id}/publish`)).status).toBe(202);
    await expectEventually(async () =>
      expect((await campaign(approved.id)).syncState).toBe('published'),
    );
    return campaign(approved.id);
  }

  async function campaignWithTwoRevisions(): Promise<CampaignBody> {
    const created = await newCampaign();
    const edited = await admin<CampaignBody>('PUT', `/api/campaigns/${created.id}`, {
      version: created.version,
      name: 'Second revision',
    });
    expect(edited.body.revision).toBe(2);
    return edited.body;
  }

  /** What must not move when a denied caller touches a campaign. */
  function campaignProbe(id: string): () => Promise<unknown> {
    return async () => {
      const { version, revision, approvalState, syncState, archived, updatedAt } =
        await campaign(id);
      const approvals = (await admin<unknown[]>('GET', `/api/campaigns/${id}/approvals`)).body;
      return { version, revision, approvalState, syncState, archived, updatedAt, approvals };
    };
  }

  async function campaignCount(): Promise<number> {
    return listTotal(await admin('GET', '/api/campaigns?range=[0,0]'));
  }

  const ROUTES: RouteCase[] = [
    {
      route: 'GET /campaigns',
      permission: Permission.CampaignRead,
      ok: 200,
      prepare: () => Promise.resolve({ method: 'GET', path: '/api/campaigns' }),
    },
    {
      route: 'GET /campaigns/:id',
      permission: Permission.CampaignRead,
      ok: 200,
      prepare: async () => ({ method: 'GET', path: `/api/campaigns/${(await newCampaign()).id}` }),
    },
    {
      route: 'POST /campaigns',
      permission: Permission.CampaignWrite,
      ok: 201,
      prepare: () =>
        Promise.resolve({
          method: 'POST',
          path: '/api/campaigns',
          body: draftBody({ rrule: undefined }),
          probe: campaignCount,
        }),
    },
    {
      route: 'PUT /campaigns/:id',
      permission: Permission.CampaignWrite,
      ok: 200,
      prepare: async () => {
        const { id, version } = await newCampaign();
        return {
          method: 'PUT',
          path: `/api/campaigns/${id}`,
          body: { version, name: 'Edited by the matrix' },
          probe: campaignProbe(id),
        };
      },
    },
    {
      route: 'DELETE /campaigns/:id',
      permission: Permission.CampaignWrite,
      ok: 200,
      prepare: async () => {
        const { id } = await newCampaign();
        return { method: 'DELETE', path: `/api/campaigns/${id}`, probe: campaignProbe(id) };
      },
    },
    {
      route: 'POST /campaigns/:id/unarchive',
      permission: Permission.CampaignWrite,
      ok: 200,
      prepare: async () => {
        const { id } = await newCampaign();
        expect((await admin('DELETE', `/api/campaigns/${id}`)).status).toBe(200);
        return {
          method: 'POST',
          path: `/api/campaigns/${id}/unarchive`,
          probe: campaignProbe(id),
        };
      },
    },
    {
      route: 'POST /campaigns/:id/duplicate',
      permission: Permission.CampaignWrite,
      ok: 201,
      prepare: async () => {
        const { id } = await newCampaign();
        return {
          method: 'POST',
          path: `/api/campaigns/${id}/duplicate`,
          body: {},
          probe: async () => listTotal(await admin('GET', '/api/campaigns?range=[0,0]')),
        };
      },
    },
    {
      route: 'GET /campaigns/:id/revisions',
      permission: Permission.CampaignRead,
      ok: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/campaigns/${(await campaignWithTwoRevisions()).id}/revisions`,
      }),
    },
    {
      route: 'GET /campaigns/:id/diff',
      permission: Permission.CampaignRead,
      ok: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/campaigns/${(await campaignWithTwoRevisions()).id}/diff?from=1&to=2`,
      }),
    },
    {
      route: 'POST /campaigns/:id/restore/:revision',
      permission: Permission.CampaignWrite,
      ok: 201,
      prepare: async () => {
        const { id, version } = await campaignWithTwoRevisions();
        return {
          method: 'POST',
          path: `/api/campaigns/${id}/restore/1`,
          body: { version },
          probe: campaignProbe(id),
        };
      },
    },
    {
      route: 'GET /campaigns/:id/approvals',
      permission: Permission.CampaignRead,
      ok: 200,
      prepare: async () => ({
        method: 'GET',
        path: `/api/campaigns/${(await submittedCampaign()).id}/approvals`,
      }),
    },
    {
      route: 'POST /campaigns/:id/submit',
      permission: Permission.CampaignSubmit,
      ok: 200,
      prepare: async () => {
        const { id } = await newCampaign();
        return {
          method: 'POST',
          path: `/api/campaigns/${id}/submit`,
          body: { comment: 'Ready for review' },
          probe: campaignProbe(id),
        };
      },
    },
    {
      route: 'POST /campaigns/:id/approve',
      permission: Permission.CampaignApprove,
      ok: 200,
      prepare: async () => {
        const { id } = await submittedCampaign();
        return {
          method: 'POST',
          path: `/api/campaigns/${id}/approve`,
          body: { comment: 'Approved' },
          probe: campaignProbe(id),
        };
      },
    },
    {
      route: 'POST /campaigns/:id/reject',
      permission: Permission.CampaignApprove,
      ok: 200,
      prepare: async () => {
        const { id } = await submittedCampaign();
        return {
          method: 'POST',
          path: `/api/campaigns/${id}/reject`,
          body: { comment: 'Fix the title' },
          probe: campaignProbe(id),
        };
      },
    },
    {
      route: 'POST /campaigns/:id/publish',
      permission: Permission.CampaignPublish,
      ok: 202,
      prepare: async () => {
        const { id } = await approvedCampaign();
        return { method: 'POST', path: `/api/campaigns/${id}/publish`, probe: campaignProbe(id) };
      },
    },
    {
      route: 'POST /campaigns/:id/unpublish',
      permission: Permission.CampaignUnpublish,
      ok: 202,
      prepare: () => {
        const published = publishedPool.pop();
        if (!published) {
          throw new Error('The pool of published campaigns is empty');
        }
        return Promise.resolve({
          method: 'POST',
          path: `/api/campaigns/${published.id}/unpublish`,
          probe: campaignProbe(published.id),
        });
      },
    },
    {
      route: 'GET /campaigns/:id/kakao',
      permission: Permission.CampaignRead,
      ok: 200,
      prepare: () =>
        Promise.resolve({ method: 'GET', path: `/api/campaigns/${publishedForCopy.id}/kakao` }),
    },
    {
      route: 'POST /campaigns/reconcile',
      permission: Permission.CampaignPublish,
      ok: 202,
      prepare: () => Promise.resolve({ method: 'POST', path: '/api/campaigns/reconcile' }),
    },
    {
      route: 'GET /subscribe-calendars',
      permission: Permission.CalendarRead,
      ok: 200,
      prepare: () => Promise.resolve({ method: 'GET', path: '/api/subscribe-calendars' }),
    },
    {
      route: 'GET /subscribe-calendars/:id',
      permission: Permission.CalendarRead,
      ok: 200,
      prepare: () =>
        Promise.resolve({ method: 'GET', path: `/api/subscribe-calendars/${calendars[0].id}` }),
    },
    {
      route: 'POST /subscribe-calendars/sync',
      permission: Permission.CampaignWrite,
      ok: 202,
      prepare: () => Promise.resolve({ method: 'POST', path: '/api/subscribe-calendars/sync' }),
    },
    {
      route: 'GET /holidays',
      permission: Permission.CalendarRead,
      ok: 200,
      prepare: () =>
        Promise.resolve({ method: 'GET', path: '/api/holidays?from=2025-05-01&to=2025-05-31' }),
    },
    {
      route: 'GET /unmanaged-events',
      permission: Permission.CampaignRead,
      ok: 200,
      prepare: () => Promise.resolve({ method: 'GET', path: '/api/unmanaged-events' }),
    },
    {
      route: 'POST /unmanaged-events/:id/import',
      permission: Permission.CampaignWrite,
      ok: 201,
      prepare: () => {
        const row = unmanagedPool.pop();
        if (!row) {
          throw new Error('The pool of unmanaged events is empty');
        }
        return Promise.resolve({
          method: 'POST',
          path: `/api/unmanaged-events/${row.id}/import`,
          // Without lastSeenAt: the reconcile job refreshes it in the background at any moment.
          probe: async () => {
            const found = (
              await admin<UnmanagedRow[]>('GET', '/api/unmanaged-events?range=[0,99]')
            ).body.find((candidate) => candidate.id === row.id);
            return found && { ...found, lastSeenAt: undefined };
          },
        });
      },
    },
  ];

  beforeAll(async () => {
    stack = await startTestStack();

    // Subscribe calendars mirrored from the sandbox app (it has two).
    expect((await admin('POST', '/api/subscribe-calendars/sync')).status).toBe(202);
    await expectEventually(async () => {
      const list = await admin<CalendarRow[]>('GET', '/api/subscribe-calendars');
      expect(list.body).toHaveLength(2);
      calendars = list.body;
    });

    // Public events made at Kakao behind the console's back: one to import per allowed role.
    // Every role's matrix call and the sign-in check each take one.
    const imports = ROLES.length + 1;
    const eventIds: string[] = [];
    for (let index = 0; index < imports; index += 1) {
      eventIds.push(
        await createPublicEventAt(kakaoFor(stack), {
          title: `Made at Kakao ${index}`,
          startsAt: new Date(Date.now() + (index + 3) * DAY_MS),
        }),
      );
    }
    expect((await admin('POST', '/api/campaigns/reconcile')).status).toBe(202);
    await expectEventually(async () => {
      const list = await admin<UnmanagedRow[]>('GET', '/api/unmanaged-events?range=[0,99]');
      expect(list.body.map((row) => row.kakaoEventId).sort()).toEqual([...eventIds].sort());
      unmanagedPool.splice(0, unmanagedPool.length, ...list.body);
    });

    for (let index = 0; index < ROLES.length + 2; index += 1) {
      publishedPool.push(await publishedCampaign());
    }
    // The first stays published for the Kakao-copy route.
    publishedForCopy = publishedPool.shift()!;
  });

  afterAll(async () => {
    if (stack) {
      await closeKakaoFor(stack);
      await stack.close();
    }
  });

  it('covers every route of both controllers, with the permission each route declares', () => {
    const declared = stack.api
      .get(RouteAccessScanner)
      .routes()
      .filter(
        (route) =>
          route.handler.startsWith('CampaignsController.') ||
          route.handler.startsWith('CalendarsController.'),
      )
      .map((route) => ({
        route: route.route,
        permission: route.rule?.kind === 'permission' ? route.rule.permission : route.rule?.kind,
      }))
      .sort((a, b) => a.route.localeCompare(b.route));
    const table = ROUTES.map(({ route, permission }) => ({ route, permission })).sort((a, b) =>
      a.route.localeCompare(b.route),
    );
    expect(declared).toEqual(table);
  });

  describe.each(ROUTES)('$route ($permission)', (routeCase) => {
    it.each(
      ROLES.map((role) => ({
        role,
        allowed: ROLE_PERMISSIONS[role].has(routeCase.permission),
      })),
    )('$role: allowed=$allowed', async ({ role, allowed }) => {
      const call = await routeCase.prepare();
      const before = await call.probe?.();
      const answer = await stack.call(role, call.method, call.path, call.body);
      if (allowed) {
        expect({ status: answer.status, body: answer.body }).toEqual({
          status: routeCase.ok,
          body: expect.anything(),
        });
        return;
      }
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 403,
        body: {
          statusCode: 403,
          code: 'access.permission_denied',
          message: expect.stringContaining(routeCase.permission),
        },
      });
      expect(await call.probe?.()).toEqual(before);
    });

    it('answers 401 without a token and with a bad one', async () => {
      const call = await routeCase.prepare();
      const anonymous = await stack.call(null, call.method, call.path, call.body);
      expect({ status: anonymous.status, body: anonymous.body }).toEqual({
        status: 401,
        body: { statusCode: 401, code: 'auth.missing_token', message: expect.any(String) },
      });
      const forged = await stack.call(null, call.method, call.path, call.body, {
        authorization: 'Bearer not-a-session-token',
      });
      expect({ status: forged.status, body: forged.body }).toEqual({
        status: 401,
        body: { statusCode: 401, code: 'auth.invalid_token', message: expect.any(String) },
      });
    });
  });

  describe('a second channel', () => {
    let channelB: ChannelEntity;
    let adminB: ApiClient;
    let marketerB: ApiClient;
    let campaignB: CampaignBody;
    let calendarB: CalendarRow;
    let unmanagedB: UnmanagedRow;
    const secretTitle = 'Channel B secret launch';

    beforeAll(async () => {
      const sandboxAppB = await createSandboxApp(stack.sandboxUrl);
      channelB = await stack.api.get(ChannelsService).upsert({
        name: sandboxAppB.channels[0].name,
        channelPublicId: sandboxAppB.channels[0].channel_public_id,
        kakaoAppId: String(sandboxAppB.app_id),
        restApiKey: sandboxAppB.rest_api_key,
        adminKey: sandboxAppB.admin_key,
        clientSecret: sandboxAppB.client_secret,
      });
      adminB = await createAuthedClient(stack.apiUrl, {
        ...(await seedUser(stack.api, {
          memberships: [{ channelId: channelB.id, role: Role.Admin }],
        })),
        channelId: channelB.id,
      });
      marketerB = await createAuthedClient(stack.apiUrl, {
        ...(await seedUser(stack.api, {
          memberships: [{ channelId: channelB.id, role: Role.Marketer }],
        })),
        channelId: channelB.id,
      });

      // A campaign of B, submitted for approval, made by B's own marketer.
      const created = await marketerB.post<CampaignBody>(
        '/api/campaigns',
        draftBody({ rrule: undefined, title: secretTitle }),
      );
      expect(created.status).toBe(201);
      await marketerB.put(`/api/campaigns/${created.body.id}`, {
        version: created.body.version,
        name: 'Channel B campaign, second revision',
      });
      expect((await marketerB.post(`/api/campaigns/${created.body.id}/submit`, {})).status).toBe(
        200,
      );
      campaignB = (await marketerB.get<CampaignBody>(`/api/campaigns/${created.body.id}`)).body;

      // B's subscribe calendars, mirrored by a sync B's admin asked for.
      expect((await adminB.post('/api/subscribe-calendars/sync')).status).toBe(202);
      await expectEventually(async () => {
        const list = await adminB.get<CalendarRow[]>('/api/subscribe-calendars');
        expect(list.body).toHaveLength(2);
        calendarB = list.body[0]!;
      });

      // An unmanaged public event of B, found by a reconcile B's admin asked for.
      const eventId = await createPublicEventAt(
        {
          client: kakaoFor(stack).client,
          call: {
            adminKey: sandboxAppB.admin_key,
            channelPublicId: sandboxAppB.channels[0].channel_public_id,
          },
        },
        { title: secretTitle, startsAt: new Date(Date.now() + 5 * DAY_MS) },
      );
      expect((await adminB.post('/api/campaigns/reconcile')).status).toBe(202);
      await expectEventually(async () => {
        const list = await adminB.get<UnmanagedRow[]>('/api/unmanaged-events');
        expect(list.body.map((row) => row.kakaoEventId)).toEqual([eventId]);
        unmanagedB = list.body[0]!;
      });
    });

    /** Every route that names a record of B, as A's admin would call it. */
    function foreignCalls(): { route: string; method: string; path: string; body?: unknown }[] {
      const id = campaignB.id;
      return [
        { route: 'GET /campaigns/:id', method: 'GET', path: `/api/campaigns/${id}` },
        {
          route: 'PUT /campaigns/:id',
          method: 'PUT',
          path: `/api/campaigns/${id}`,
          body: { version: campaignB.version, name: 'Hijacked' },
        },
        { route: 'DELETE /campaigns/:id', method: 'DELETE', path: `/api/campaigns/${id}` },
        {
          route: 'POST /campaigns/:id/unarchive',
          method: 'POST',
          path: `/api/campaigns/${id}/unarchive`,
        },
        {
          route: 'POST /campaigns/:id/duplicate',
          method: 'POST',
          path: `/api/campaigns/${id}/duplicate`,
          body: {},
        },
        {
          route: 'GET /campaigns/:id/revisions',
          method: 'GET',
          path: `/api/campaigns/${id}/revisions`,
        },
        {
          route: 'GET /campaigns/:id/diff',
          method: 'GET',
          path: `/api/campaigns/${id}/diff?from=1&to=2`,
        },
        {
          route: 'POST /campaigns/:id/restore/:revision',
          method: 'POST',
          path: `/api/campaigns/${id}/restore/1`,
          body: {},
        },
        {
          route: 'GET /campaigns/:id/approvals',
          method: 'GET',
          path: `/api/campaigns/${id}/approvals`,
        },
        {
          route: 'POST /campaigns/:id/submit',
          method: 'POST',
          path: `/api/campaigns/${id}/submit`,
          body: {},
        },
        {
          route: 'POST /campaigns/:id/approve',
          method: 'POST',
          path: `/api/campaigns/${id}/approve`,
          body: {},
        },
        {
          route: 'POST /campaigns/:id/reject',
          method: 'POST',
          path: `/api/campaigns/${id}/reject`,
          body: { comment: 'No' },
        },
        {
          route: 'POST /campaigns/:id/publish',
          method: 'POST',
          path: `/api/campaigns/${id}/publish`,
        },
        {
          route: 'POST /campaigns/:id/unpublish',
          method: 'POST',
          path: `/api/campaigns/${id}/unpublish`,
        },
        { route: 'GET /campaigns/:id/kakao', method: 'GET', path: `/api/campaigns/${id}/kakao` },
        {
          route: 'GET /subscribe-calendars/:id',
          method: 'GET',
          path: `/api/subscribe-calendars/${calendarB.id}`,
        },
        {
          route: 'POST /unmanaged-events/:id/import',
          method: 'POST',
          path: `/api/unmanaged-events/${unmanagedB.id}/import`,
        },
      ];
    }

    it("names every route that takes an id of one of B's records", () => {
      const withIds = ROUTES.map((routeCase) => routeCase.route).filter((route) =>
        route.includes('/:id'),
      );
      expect(
        foreignCalls()
          .map((call) => call.route)
          .sort(),
      ).toEqual(withIds.sort());
    });

    it("answers 404 without B's data to A's admin asking for B's ids in channel A", async () => {
      const leaks = [
        campaignB.name,
        secretTitle,
        calendarB.kakaoCalendarId,
        unmanagedB.kakaoEventId,
        channelB.id,
      ];
      for (const call of foreignCalls()) {
        const answer = await stack.call(Role.Admin, call.method, call.path, call.body);
        expect({ route: call.route, status: answer.status }).toEqual({
          route: call.route,
          status: 404,
        });
        const text = JSON.stringify(answer.body);
        for (const leak of leaks) {
          expect(text).not.toContain(leak);
        }
        // A foreign id answers exactly like an id that does not exist.
        const unknownId = randomUUID();
        const foreignId = call.path.split('/')[3];
        const unknown = await stack.call(
          Role.Admin,
          call.method,
          call.path.replace(foreignId, unknownId),
          call.body,
        );
        expect(unknown.status).toBe(404);
        expect(text.replace(foreignId, unknownId)).toBe(JSON.stringify(unknown.body));
      }
    });

    it("answers 403 to A's admin who names channel B in X-Channel-Id", async () => {
      const calls = [
        ...foreignCalls(),
        { route: 'GET /campaigns', method: 'GET', path: '/api/campaigns' },
        { route: 'GET /subscribe-calendars', method: 'GET', path: '/api/subscribe-calendars' },
        { route: 'GET /unmanaged-events', method: 'GET', path: '/api/unmanaged-events' },
        { route: 'POST /campaigns', method: 'POST', path: '/api/campaigns', body: draftBody() },
        { route: 'POST /campaigns/reconcile', method: 'POST', path: '/api/campaigns/reconcile' },
        {
          route: 'POST /subscribe-calendars/sync',
          method: 'POST',
          path: '/api/subscribe-calendars/sync',
        },
        {
          route: 'GET /holidays',
          method: 'GET',
          path: '/api/holidays?from=2025-01-01&to=2025-01-31',
        },
      ];
      expect(calls.map((call) => call.route).sort()).toEqual(
        ROUTES.map((routeCase) => routeCase.route).sort(),
      );
      for (const call of calls) {
        const answer = await stack.call(Role.Admin, call.method, call.path, call.body, {
          'x-channel-id': channelB.id,
        });
        expect({ route: call.route, status: answer.status, body: answer.body }).toEqual({
          route: call.route,
          status: 403,
          body: {
            statusCode: 403,
            code: 'access.not_channel_member',
            message: expect.any(String),
          },
        });
      }
    });

    it("leaves B's records as they were", async () => {
      const now = await marketerB.get<CampaignBody>(`/api/campaigns/${campaignB.id}`);
      expect(now.body).toEqual(campaignB);
      const approvals = await marketerB.get<unknown[]>(`/api/campaigns/${campaignB.id}/approvals`);
      expect(approvals.body).toHaveLength(1);
      const unmanaged = await adminB.get<UnmanagedRow[]>('/api/unmanaged-events');
      expect(unmanaged.body).toEqual([unmanagedB]);
    });

    it("never lists B's rows in channel A", async () => {
      const campaigns = await stack.call<CampaignBody[]>(
        Role.Admin,
        'GET',
        '/api/campaigns?range=[0,499]',
      );
      expect(campaigns.status).toBe(200);
      expect(campaigns.body.length).toBeGreaterThan(0);
      expect(campaigns.body.every((row) => row.channelId === stack.channel.id)).toBe(true);
      expect(campaigns.body.map((row) => row.id)).not.toContain(campaignB.id);
      const byId = await stack.call<CampaignBody[]>(
        Role.Admin,
        'GET',
        `/api/campaigns?filter=${encodeURIComponent(JSON.stringify({ id: [campaignB.id] }))}`,
      );
      expect(byId.body).toEqual([]);
      expect(byId.headers.get('content-range')).toBe('campaigns */0');
      const bySearch = await stack.call<CampaignBody[]>(
        Role.Admin,
        'GET',
        `/api/campaigns?filter=${encodeURIComponent(JSON.stringify({ q: secretTitle }))}`,
      );
      expect(bySearch.body).toEqual([]);

      const calendarsA = await stack.call<CalendarRow[]>(
        Role.Admin,
        'GET',
        '/api/subscribe-calendars?range=[0,99]',
      );
      expect(calendarsA.body.map((row) => row.id).sort()).toEqual(
        calendars.map((row) => row.id).sort(),
      );
      expect(calendarsA.body.map((row) => row.kakaoCalendarId)).not.toContain(
        calendarB.kakaoCalendarId,
      );

      const unmanagedA = await stack.call<UnmanagedRow[]>(
        Role.Admin,
        'GET',
        '/api/unmanaged-events?range=[0,99]',
      );
      expect(unmanagedA.body.length).toBeGreaterThan(0);
      expect(unmanagedA.body.map((row) => row.id)).not.toContain(unmanagedB.id);
      expect(JSON.stringify(unmanagedA.body)).not.toContain(secretTitle);
    });
  });
});
