import { randomUUID } from 'node:crypto';

import { Role } from '@app/accounts';
import { startTestStack, type TestStack } from '@app/testing';

import { type CampaignBody, draftBody } from './campaign-fixtures';

jest.setTimeout(60_000);

type Campaign = CampaignBody & { tags: string[]; notes: string | null };

describe('duplicating a campaign', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function approved(name: string): Promise<Campaign> {
    const created = await stack.call<CampaignBody>(Role.Marketer, 'POST', '/api/campaigns', {
      ...draftBody(),
      name,
      notes: 'internal memo',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(
      (await stack.call(Role.Marketer, 'POST', `/api/campaigns/${id}/submit`, {})).status,
    ).toBe(200);
    expect(
      (await stack.call(Role.Manager, 'POST', `/api/campaigns/${id}/approve`, {})).status,
    ).toBe(200);
    return (await stack.call<Campaign>(Role.Marketer, 'GET', `/api/campaigns/${id}`)).body;
  }

  it('makes a new draft with the same content, named "(copy)", and audits it as a creation', async () => {
    const source = await approved('Winter drop');
    expect(source.approvalState).toBe('approved');
    const copy = await stack.call<CampaignBody>(
      Role.Marketer,
      'POST',
      `/api/campaigns/${source.id}/duplicate`,
      {},
    );
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(source.id);
    expect(copy.body).toMatchObject({
      name: 'Winter drop (copy)',
      approvalState: 'draft',
      syncState: 'draft',
      revision: 1,
      tags: source.tags,
      notes: source.notes,
      content: source.content,
    });
    // The original is untouched.
    const after = await stack.call<CampaignBody>(
      Role.Marketer,
      'GET',
      `/api/campaigns/${source.id}`,
    );
    expect(after.body).toMatchObject({ version: source.version, approvalState: 'approved' });

    const audit = await stack.call<{ action: string; actorEmail: string; after: object }[]>(
      Role.Manager,
      'GET',
      `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: copy.body.id }))}`,
    );
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'campaign.create',
        actorEmail: expect.stringContaining('marketer'),
        after: expect.objectContaining({ duplicatedFrom: source.id, name: 'Winter drop (copy)' }),
      }),
    ]);
  });

  it('takes the name the caller gives, and keeps a long name within the limit', async () => {
    const source = await approved('가'.repeat(100));
    const named = await stack.call<CampaignBody>(
      Role.Admin,
      'POST',
      `/api/campaigns/${source.id}/duplicate`,
      { name: '윈터 드롭 (사본)' },
    );
    expect(named.body.name).toBe('윈터 드롭 (사본)');
    const long = await stack.call<CampaignBody>(
      Role.Admin,
      'POST',
      `/api/campaigns/${source.id}/duplicate`,
      {},
    );
    expect(long.status).toBe(201);
    expect([...long.body.name]).toHaveLength(100);
    expect(long.body.name.endsWith(' (copy)')).toBe(true);
    const invalid = await stack.call<{ errors: Record<string, string> }>(
      Role.Admin,
      'POST',
      `/api/campaigns/${source.id}/duplicate`,
      { name: '' },
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.errors)).toEqual(['name']);
  });

  it('answers 404 for an unknown campaign', async () => {
    const answer = await stack.call<{ code: string }>(
      Role.Admin,
      'POST',
      `/api/campaigns/${randomUUID()}/duplicate`,
      {},
    );
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('campaign.not_found');
  });
});
