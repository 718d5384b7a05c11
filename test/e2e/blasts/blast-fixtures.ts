import { Role } from '@app/accounts';
import { expectEventually, sandboxControl, type SandboxUser, type TestStack } from '@app/testing';

// Seeding recipients and the "everyone" audience is shared with the browser specs.
export { everyoneAudience, seedSandboxRecipients as seedRecipients } from '@app/testing';
export type { SandboxUser } from '@app/testing';

export interface RunProgressBody {
  runId: string;
  state: string;
  pauseReason: string | null;
  resumeAt: string | null;
  total: number;
  counts: Record<'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unknown', number>;
  percent: number;
}

/** A campaign published as a public event, for `id_type: event` messages. */
export async function publishedCampaign(stack: TestStack): Promise<string> {
  const created = await stack.call<{ id: string }>(Role.Marketer, 'POST', '/api/campaigns', {
    name: 'Blast campaign',
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
  await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`);
  await expectEventually(async () => {
    const campaign = await stack.call<{ syncState: string }>(
      Role.Marketer,
      'GET',
      `/api/campaigns/${id}`,
    );
    expect(campaign.body.syncState).toBe('published');
  });
  return id;
}

export function blastBody(
  campaignId: string,
  audienceId: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    name: 'Spring pop-up blast',
    message: {
      idType: 'event',
      campaignId,
      title: 'Spring Pop-up',
      description: '4/12 Seongsu',
      webUrl: 'https://example.com/popup',
      button: { title: 'Details', webUrl: 'https://example.com/popup' },
    },
    audienceId,
    schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
    ratePerSecond: 10_000,
    quietHours: false,
    ...overrides,
  };
}

export async function startBlast(stack: TestStack, body: object): Promise<string> {
  const blast = await stack.call<{ id: string }>(Role.Scheduler, 'POST', '/api/blasts', body);
  if (blast.status !== 201) {
    throw new Error(`blast: ${blast.status} ${JSON.stringify(blast.body)}`);
  }
  const run = await stack.call<{ id: string }>(
    Role.Scheduler,
    'POST',
    `/api/blasts/${blast.body.id}/start`,
  );
  if (run.status !== 202) {
    throw new Error(`start: ${run.status} ${JSON.stringify(run.body)}`);
  }
  return run.body.id;
}

export async function progressOf(stack: TestStack, runId: string): Promise<RunProgressBody> {
  return (await stack.call<RunProgressBody>(Role.Scheduler, 'GET', `/api/blast-runs/${runId}`))
    .body;
}

/** How many messages each user's sandbox inbox holds. */
export async function inboxCounts(stack: TestStack, users: SandboxUser[]): Promise<number[]> {
  const counts: number[] = [];
  for (let offset = 0; offset < users.length; offset += 50) {
    counts.push(
      ...(await Promise.all(
        users.slice(offset, offset + 50).map(async (user) => {
          const inbox = await sandboxControl<{ total: number }>(
            stack.sandboxUrl,
            'GET',
            `users/${user.user_id}/messages`,
          );
          return inbox.total;
        }),
      )),
    );
  }
  return counts;
}
