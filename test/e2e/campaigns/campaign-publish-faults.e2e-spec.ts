import { Role } from '@app/accounts';
import {
  expectEventually,
  sandboxControl,
  spawnWorkerProcess,
  startTestStack,
  type TestStack,
} from '@app/testing';

import {
  type CampaignBody,
  closeKakaoFor,
  draftBody,
  kakaoFor,
  publicEventIds,
} from './campaign-fixtures';

jest.setTimeout(120_000);

const CREATE_PATH = '/v2/api/calendar/public/create/event';

describe('campaign publishing under Kakao faults and worker crashes', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });

  afterAll(async () => {
    await closeKakaoFor(stack);
    await stack?.close();
  });

  afterEach(async () => {
    await sandboxControl(stack.sandboxUrl, 'DELETE', 'faults');
    await stack.stopWorker();
  });

  async function approvedCampaign(title: string): Promise<string> {
    const created = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      '/api/campaigns',
      draftBody({ title, rrule: undefined }),
    );
    expect(created.status).toBe(201);
    await stack.call(Role.Marketer, 'POST', `/api/campaigns/${created.body.id}/submit`, {});
    await stack.call(Role.Manager, 'POST', `/api/campaigns/${created.body.id}/approve`, {});
    return created.body.id;
  }

  async function campaign(id: string): Promise<CampaignBody> {
    return (await stack.call<CampaignBody>(Role.Marketer, 'GET', `/api/campaigns/${id}`)).body;
  }

  async function titlesAtKakao(): Promise<string[]> {
    const { client, call } = kakaoFor(stack);
    const titles: string[] = [];
    for (const id of await publicEventIds(stack)) {
      titles.push((await client.publicEvents.getPublicEvent(id, call)).title);
    }
    return titles;
  }

  it('completes a publish while Kakao answers 5xx and -1 for a while', async () => {
    const id = await approvedCampaign('Through the storm');
    await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
      path: CREATE_PATH,
      probability: 1,
      status: 503,
      code: -9798,
      remaining: 2,
    });
    await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
      path: CREATE_PATH,
      probability: 1,
      status: 400,
      code: -1,
      remaining: 1,
    });
    await stack.startWorker();
    expect((await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`)).status).toBe(
      202,
    );
    await expectEventually(async () => expect((await campaign(id)).syncState).toBe('published'), {
      timeoutMs: 30_000,
    });
    expect((await titlesAtKakao()).filter((title) => title === 'Through the storm')).toHaveLength(
      1,
    );
  });

  it('stops on a permanent -2, shows why, and keeps the draft', async () => {
    const id = await approvedCampaign('Refused');
    const before = await campaign(id);
    await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
      path: CREATE_PATH,
      probability: 1,
      status: 400,
      code: -2,
      remaining: 5,
    });
    await stack.startWorker();
    await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`);
    await expectEventually(async () => expect((await campaign(id)).syncState).toBe('failed'));
    const failed = await campaign(id);
    expect(failed.lastError?.code).toBe('-2');
    expect(failed.lastError?.message).toEqual(expect.any(String));
    expect(failed.content).toEqual(before.content);
    expect(failed.kakaoEventId).toBeNull();
    // Only one create call was made: a permanent error is not retried.
    const { faults } = await sandboxControl<{ faults: { fired: number }[] }>(
      stack.sandboxUrl,
      'GET',
      'faults',
    );
    expect(faults[0]?.fired).toBe(1);
  });

  it('creates exactly one public event when the worker is killed in the middle of the call', async () => {
    const id = await approvedCampaign('Crash survivor');
    // Kakao is slow to answer: the worker dies while the create call is in flight, and Kakao
    // still creates the event after the connection is gone.
    await sandboxControl(stack.sandboxUrl, 'POST', 'faults', {
      path: CREATE_PATH,
      probability: 1,
      delay_ms: 1500,
      remaining: 1,
    });
    const doomed = await spawnWorkerProcess(stack.env);
    expect((await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`)).status).toBe(
      202,
    );
    await expectEventually(
      async () => {
        const faults = await sandboxControl<unknown>(stack.sandboxUrl, 'GET', 'faults');
        const list = (
          Array.isArray(faults) ? faults : (faults as { faults: unknown[] }).faults
        ) as unknown[];
        expect(list).toHaveLength(0); // the delay fault fired, so the create call is in flight
      },
      { timeoutMs: 15_000 },
    );
    await doomed.kill();
    await expectEventually(async () => expect(await titlesAtKakao()).toContain('Crash survivor'), {
      timeoutMs: 10_000,
    });
    expect((await campaign(id)).syncState).toBe('publishing');

    const survivor = await spawnWorkerProcess(stack.env);
    try {
      await expectEventually(async () => expect((await campaign(id)).syncState).toBe('published'), {
        timeoutMs: 60_000,
        intervalMs: 250,
      });
    } finally {
      await survivor.stop();
    }
    expect((await titlesAtKakao()).filter((title) => title === 'Crash survivor')).toHaveLength(1);
  });
});
