import { render, screen, within } from '@testing-library/react';
import { type ReactNode } from 'react';
import { AdminContext, type AuthProvider, type DataProvider } from 'react-admin';

import { ApprovalDiff } from '@admin/campaigns/show/ApprovalDiff';
import { approvalDiffRange } from '@admin/campaigns/show/revisionDiff';
import { type ApprovalEntry, type Campaign } from '@admin/campaigns/types';
import { AdminHome } from '@admin/dashboard/home/AdminHome';
import { nextPendingRun, rejectionReason } from '@admin/dashboard/home/homeQueries';
import { ManagerHome } from '@admin/dashboard/home/ManagerHome';
import { MarketerHome } from '@admin/dashboard/home/MarketerHome';
import { RoleHome } from '@admin/dashboard/home/RoleHome';
import { SchedulerHome } from '@admin/dashboard/home/SchedulerHome';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';
import { sessionStore } from '@admin/session';

function campaign(overrides: Partial<Campaign>): Campaign {
  return {
    id: 'c1',
    channelId: 'ch1',
    name: 'Seongsu pop-up',
    title: 'Seongsu pop-up',
    startsAt: '2030-04-12T01:00:00.000Z',
    endsAt: '2030-04-12T10:00:00.000Z',
    allDay: false,
    tags: [],
    notes: null,
    target: { kind: 'all' },
    content: {},
    recurrenceText: null,
    ownerId: null,
    revision: 3,
    version: 3,
    approvalState: 'submitted',
    submittedRevision: 3,
    approvedRevision: 1,
    syncState: 'published',
    kakaoState: 'in_sync',
    kakaoEventId: null,
    publishedRevision: 1,
    publishedAt: null,
    lastError: null,
    kakaoCheckedAt: null,
    archived: false,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-05T01:00:00.000Z',
    ...overrides,
  } as Campaign;
}

function approval(overrides: Partial<ApprovalEntry>): ApprovalEntry {
  return {
    id: 'a1',
    revision: 2,
    decision: 'rejected',
    actorId: null,
    comment: null,
    createdAt: '2030-01-02T00:00:00.000Z',
    ...overrides,
  };
}

type Filter = Record<string, string[] | string | undefined>;

/** Answers list calls from the filter they carry, and records them. */
function provider(lists: (resource: string, filter: Filter) => { data: object[]; total: number }) {
  const calls: { resource: string; filter: Filter }[] = [];
  const dataProvider = {
    getList: (resource: string, params: { filter: Filter }) => {
      calls.push({ resource, filter: params.filter });
      return Promise.resolve(lists(resource, params.filter));
    },
    getManyReference: (resource: string, params: { filter: Filter; id: string }) => {
      calls.push({ resource, filter: { ...params.filter, id: params.id } });
      return Promise.resolve(lists(resource, { ...params.filter, id: params.id }));
    },
    getOne: (_resource: string, params: { id: string }) =>
      Promise.resolve({
        data: {
          id: params.id,
          timeZone: 'Asia/Seoul',
          hasRestApiKey: true,
          hasAdminKey: false,
          hasClientSecret: true,
        },
      }),
    approvals: () =>
      Promise.resolve({
        data: [
          approval({ comment: 'Old reason', createdAt: '2030-01-01T00:00:00.000Z' }),
          approval({ comment: 'Banner text is wrong', createdAt: '2030-01-03T00:00:00.000Z' }),
          approval({ decision: 'submitted', comment: 'please', createdAt: '2030-01-04T00:00:00Z' }),
        ],
      }),
    blastRuns: () =>
      Promise.resolve({
        data: [
          { id: 'r2', state: 'pending', scheduledAt: '2030-02-01T01:00:00.000Z' },
          { id: 'r1', state: 'completed', scheduledAt: '2030-01-01T01:00:00.000Z' },
        ],
      }),
    runProgress: () =>
      Promise.resolve({
        data: {
          runId: 'r1',
          state: 'sending',
          pauseReason: null,
          resumeAt: null,
          total: 200,
          counts: { pending: 150, sending: 0, sent: 50, failed: 0, skipped: 0, unknown: 0 },
          done: 50,
          percent: 25,
          currentRate: 10,
          etaSeconds: 15,
        },
      }),
    diff: (_id: string, from: number, to: number) =>
      Promise.resolve({
        data: [{ field: 'title', before: `title at ${from}`, after: `title at ${to}` }],
      }),
  } as unknown as DataProvider;
  return { dataProvider, calls };
}

function renderIn(locale: Locale, dataProvider: DataProvider, ui: ReactNode, auth?: AuthProvider) {
  return render(
    <AdminContext
      dataProvider={dataProvider}
      i18nProvider={createI18nProvider(locale)}
      authProvider={auth}
    >
      {ui}
    </AdminContext>,
  );
}

describe('role homes', () => {
  beforeAll(() => {
    sessionStore.set({
      token: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: {
        id: 'u1',
        email: 'a@example.com',
        displayName: 'A',
        channels: [{ id: 'ch1', name: 'Channel', channelPublicId: '_x', role: 'admin' }],
      },
    });
  });

  afterAll(() => sessionStore.clear());

  it('pick the reason of the newest rejection and the earliest pending run', () => {
    expect(
      rejectionReason([
        approval({ comment: 'old', createdAt: '2030-01-01T00:00:00Z' }),
        approval({ comment: 'new', createdAt: '2030-01-02T00:00:00Z' }),
        approval({ decision: 'approved', comment: 'ok', createdAt: '2030-01-03T00:00:00Z' }),
      ]),
    ).toBe('new');
    expect(rejectionReason([approval({ decision: 'submitted', comment: 'x' })])).toBeNull();
    expect(
      nextPendingRun([
        { state: 'completed', scheduledAt: '2030-01-01T00:00:00Z' },
        { state: 'pending', scheduledAt: '2030-03-01T00:00:00Z' },
        { state: 'pending', scheduledAt: '2030-02-01T00:00:00Z' },
      ])?.scheduledAt,
    ).toBe('2030-02-01T00:00:00Z');
  });

  it('compare the submitted revision with the last approved one, if there is one', () => {
    expect(approvalDiffRange({ approvedRevision: 1, submittedRevision: 3, revision: 3 })).toEqual({
      from: 1,
      to: 3,
    });
    expect(approvalDiffRange({ approvedRevision: null, submittedRevision: 1, revision: 1 })).toBe(
      null,
    );
  });

  it('manager: counts the approvals waiting and links each campaign', async () => {
    const { dataProvider, calls } = provider(() => ({
      data: [campaign({ id: 'c1', name: 'Seongsu pop-up' }), campaign({ id: 'c2', name: 'Sale' })],
      total: 12,
    }));
    renderIn('ko', dataProvider, <ManagerHome />);
    expect(await screen.findByText('승인 대기 12건')).toBeTruthy();
    const link = screen.getByText('Seongsu pop-up').closest('a');
    expect(link?.getAttribute('href')).toBe('#/campaigns/c1/show');
    expect(screen.getByText('Sale')).toBeTruthy();
    expect(calls[0]).toEqual({ resource: 'campaigns', filter: { approvalState: ['submitted'] } });
  });

  it('manager: says so when nothing waits, in English', async () => {
    const { dataProvider } = provider(() => ({ data: [], total: 0 }));
    renderIn('en', dataProvider, <ManagerHome />);
    expect(await screen.findByText('Nothing is waiting for approval.')).toBeTruthy();
    expect(screen.getByText('0 approvals waiting')).toBeTruthy();
  });

  it('marketer: shows each rejected campaign with its reason, and the drifted ones', async () => {
    const { dataProvider } = provider((_resource, filter) =>
      filter.approvalState
        ? {
            data: [campaign({ id: 'c1', name: 'Rejected one', approvalState: 'rejected' })],
            total: 1,
          }
        : {
            data: [campaign({ id: 'c2', name: 'Drifted one', kakaoState: 'drifted' })],
            total: 1,
          },
    );
    renderIn('en', dataProvider, <MarketerHome />);
    expect(await screen.findByText('1 campaign rejected')).toBeTruthy();
    expect(await screen.findByText('Reason: Banner text is wrong')).toBeTruthy();
    expect(screen.getByText('1 campaign changed on Kakao')).toBeTruthy();
    expect(screen.getByText('Drifted one').closest('a')?.getAttribute('href')).toBe(
      '#/campaigns/c2/show/kakao',
    );
  });

  it('scheduler: shows running blasts with progress and the next run in the channel zone', async () => {
    const { dataProvider, calls } = provider((_resource, filter) =>
      (filter.state as string[])[0] === 'active'
        ? { data: [{ id: 'b1', name: 'Now sending', state: 'active' }], total: 1 }
        : { data: [{ id: 'b2', name: 'Later', state: 'scheduled' }], total: 3 },
    );
    renderIn('ko', dataProvider, <SchedulerHome />);
    expect(await screen.findByText('지금 발송 중 1건')).toBeTruthy();
    expect(screen.getByText('예약된 발송 3건')).toBeTruthy();
    const running = screen.getByTestId('home-running');
    expect(await within(running).findByText('50 / 200')).toBeTruthy();
    // 01:00 UTC is 10:00 in Seoul.
    const next = await screen.findByText(/다음 실행/);
    expect(next.textContent).toMatch(/10:00/);
    expect(next.textContent).toContain('Asia/Seoul');
    expect(calls.filter((call) => call.resource === 'blasts').map((call) => call.filter)).toEqual([
      { state: ['active'] },
      { state: ['scheduled'] },
    ]);
  });

  it('admin: shows the missing Kakao key and failed webhook deliveries', async () => {
    const { dataProvider } = provider((resource) =>
      resource === 'webhooks'
        ? {
            data: [{ id: 'w1', url: 'https://crm.example.com/hook', description: 'CRM sync' }],
            total: 1,
          }
        : { data: [{ id: 'd1' }], total: 4 },
    );
    renderIn('en', dataProvider, <AdminHome />);
    expect(await screen.findByText('1 Kakao key missing')).toBeTruthy();
    expect(screen.getByText('Not set')).toBeTruthy();
    expect(await screen.findByText('4 failed deliveries')).toBeTruthy();
    expect(screen.getByText('CRM sync')).toBeTruthy();
  });

  it('picks the home of the signed-in role', async () => {
    const { dataProvider } = provider(() => ({ data: [], total: 0 }));
    const auth = {
      login: () => Promise.resolve(),
      logout: () => Promise.resolve(),
      checkAuth: () => Promise.resolve(),
      checkError: () => Promise.resolve(),
      getPermissions: () =>
        Promise.resolve({ role: 'scheduler', channelId: 'ch1', permissions: [] }),
    } as AuthProvider;
    renderIn('en', dataProvider, <RoleHome />, auth);
    expect(await screen.findByText('No blast is running.')).toBeTruthy();
    expect(screen.getByText('0 blasts running now')).toBeTruthy();
    expect(screen.queryByTestId('home-approvals')).toBeNull();
  });

  it('the approve dialog shows the changes since the last approved revision', async () => {
    const { dataProvider } = provider(() => ({ data: [], total: 0 }));
    renderIn('en', dataProvider, <ApprovalDiff campaign={campaign({})} />);
    expect(
      await screen.findByText('Changes since the last approval (revision 1 → 3)'),
    ).toBeTruthy();
    expect(await screen.findByText('title at 1')).toBeTruthy();
    expect(screen.getByText('title at 3')).toBeTruthy();
  });
});
