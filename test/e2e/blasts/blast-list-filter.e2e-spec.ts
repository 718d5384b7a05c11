import { Role } from '@app/accounts';
import { startTestStack, type TestStack } from '@app/testing';

import { blastBody, everyoneAudience, publishedCampaign, seedRecipients } from './blast-fixtures';

jest.setTimeout(120_000);

interface BlastBody {
  id: string;
  name: string;
  state: string;
}

/** The blasts list by state: what the scheduler's home asks for (running now, scheduled next). */
describe('GET /api/blasts filtered by state', () => {
  let stack: TestStack;
  const ids: Record<'draft' | 'scheduled', string> = { draft: '', scheduled: '' };

  const list = (filter: object) =>
    stack.call<BlastBody[]>(
      Role.Scheduler,
      'GET',
      `/api/blasts?filter=${encodeURIComponent(JSON.stringify(filter))}`,
    );

  beforeAll(async () => {
    stack = await startTestStack({ env: { BLAST_RECONCILE_MS: '500' } });
    await seedRecipients(stack, 2);
    const audienceId = await everyoneAudience(stack);
    const campaignId = await publishedCampaign(stack);
    const draft = await stack.call<BlastBody>(Role.Scheduler, 'POST', '/api/blasts', {
      ...blastBody(campaignId, audienceId),
      name: 'Still a draft',
    });
    ids.draft = draft.body.id;
    const later = await stack.call<BlastBody>(Role.Scheduler, 'POST', '/api/blasts', {
      ...blastBody(campaignId, audienceId),
      name: 'Next month',
      schedule: { kind: 'at', at: '2099-01-05T10:00', timeZone: 'Asia/Seoul' },
    });
    ids.scheduled = later.body.id;
    const started = await stack.call(Role.Scheduler, 'POST', `/api/blasts/${ids.scheduled}/start`);
    expect(started.status).toBe(202);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('answers only the blasts in the asked states, with their count', async () => {
    const scheduled = await list({ state: ['scheduled', 'active'] });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.map((blast) => blast.id)).toEqual([ids.scheduled]);
    expect(scheduled.headers.get('content-range')).toMatch(/\/1$/);

    const drafts = await list({ state: 'draft' });
    expect(drafts.body.map((blast) => blast.id)).toEqual([ids.draft]);

    const all = await list({});
    expect(all.body).toHaveLength(2);
  });

  it('refuses an unknown state naming the filter key', async () => {
    const answer = await stack.call<{ errors?: Record<string, string> }>(
      Role.Scheduler,
      'GET',
      `/api/blasts?filter=${encodeURIComponent(JSON.stringify({ state: ['sending'] }))}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveProperty(['filter.state'], expect.any(String));
  });
});
