import { randomUUID } from 'node:crypto';

import { DateTime } from 'luxon';
import { Client } from 'pg';

import { Role } from '@app/accounts';
import { startTestStack, type TestStack } from '@app/testing';

import { blastBody, everyoneAudience, publishedCampaign, seedRecipients } from './blast-fixtures';

jest.setTimeout(120_000);

interface BlastBody {
  id: string;
  name: string;
  state: string;
  audienceId: string;
  message: Record<string, unknown>;
  schedule: { kind: string; at?: string; timeZone: string };
  ratePerSecond: number;
  quietHours: boolean;
}

describe('duplicating a blast', () => {
  let stack: TestStack;
  let source: BlastBody;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedRecipients(stack, 2);
    const audienceId = await everyoneAudience(stack);
    const campaignId = await publishedCampaign(stack);
    const tomorrow = DateTime.now()
      .setZone('Asia/Seoul')
      .plus({ days: 1 })
      .toFormat("yyyy-MM-dd'T'HH:mm");
    const created = await stack.call<BlastBody>(
      Role.Scheduler,
      'POST',
      '/api/blasts',
      blastBody(campaignId, audienceId, {
        name: 'Winter drop blast',
        schedule: { kind: 'at', at: tomorrow, timeZone: 'Asia/Seoul' },
        ratePerSecond: 50,
        quietHours: true,
      }),
    );
    expect(created.status).toBe(201);
    source = created.body;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('makes a new draft with the same message, audience and options, audited as a creation', async () => {
    const copy = await stack.call<BlastBody>(
      Role.Scheduler,
      'POST',
      `/api/blasts/${source.id}/duplicate`,
      {},
    );
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(source.id);
    expect(copy.body).toMatchObject({
      name: 'Winter drop blast (copy)',
      state: 'draft',
      audienceId: source.audienceId,
      message: source.message,
      schedule: source.schedule,
      ratePerSecond: 50,
      quietHours: true,
    });
    const audit = await stack.call<{ action: string; after: Record<string, unknown> }[]>(
      Role.Admin,
      'GET',
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: copy.body.id }))}`,
    );
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'blast.create',
        after: expect.objectContaining({ duplicatedFrom: source.id }),
      }),
    ]);
    const named = await stack.call<BlastBody>(
      Role.Admin,
      'POST',
      `/api/blasts/${source.id}/duplicate`,
      { name: '윈터 드롭 발송 (사본)' },
    );
    expect(named.body.name).toBe('윈터 드롭 발송 (사본)');
  });

  it('sends a copy of a one-off blast whose time has passed "now" instead', async () => {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      await client.query(
        `UPDATE blasts SET schedule = jsonb_set(schedule, '{at}', '"2020-01-01T10:00"') WHERE id = $1`,
        [source.id],
      );
    } finally {
      await client.end();
    }
    const copy = await stack.call<BlastBody>(
      Role.Scheduler,
      'POST',
      `/api/blasts/${source.id}/duplicate`,
      {},
    );
    expect(copy.body.schedule).toEqual({ kind: 'now', timeZone: 'Asia/Seoul' });
  });

  it('lets those who manage blasts duplicate, refuses the others and unknown ids', async () => {
    for (const role of [Role.Marketer, Role.Manager]) {
      const answer = await stack.call<{ code: string }>(
        role,
        'POST',
        `/api/blasts/${source.id}/duplicate`,
        {},
      );
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('access.permission_denied');
    }
    expect(
      (await stack.call(Role.Admin, 'POST', `/api/blasts/${randomUUID()}/duplicate`, {})).status,
    ).toBe(404);
    const long = await stack.call<{ errors: Record<string, string> }>(
      Role.Admin,
      'POST',
      `/api/blasts/${source.id}/duplicate`,
      { name: 'x'.repeat(101) },
    );
    expect(long.status).toBe(400);
    expect(Object.keys(long.body.errors)).toEqual(['name']);
  });
});
