import { Role } from '@app/accounts';
import {
  expectEventually,
  startTestStack,
  TEST_PASSWORD,
  type TestStack,
  type TestStackOptions,
} from '@app/testing';

import { adminBuildIsStale } from './admin-build';

export { Role, TEST_PASSWORD };

export interface CampaignRecord {
  id: string;
  name: string;
  version: number;
  revision: number;
  syncState: string;
  approvalState: string;
  kakaoEventId: string | null;
}

export interface ConsoleStack {
  stack: TestStack;
  /** The console's address: the API serving the built admin UI at `/`. */
  url: string;
  emailOf(role: Role): string;
  createCampaign(role: Role, body: object): Promise<CampaignRecord>;
  campaign(id: string): Promise<CampaignRecord>;
  /** Submit (marketer), approve (manager), publish (marketer) and wait until Kakao has it. */
  publish(id: string): Promise<CampaignRecord>;
  close(): Promise<void>;
}

/**
 * The real console for browser specs and screenshots: a test stack (own database, queue prefix,
 * in-process sandbox, API on a free port, worker) whose API serves apps/admin/dist.
 */
export async function startConsoleStack(options: TestStackOptions = {}): Promise<ConsoleStack> {
  if (adminBuildIsStale()) {
    throw new Error('apps/admin/dist is missing or stale: run "npm run build:admin" first.');
  }
  const stack = await startTestStack(options);
  const call = async <T>(role: Role, method: string, path: string, body?: unknown) => {
    const answer = await stack.call<T>(role, method, path, body);
    if (answer.status >= 300) {
      throw new Error(
        `${method} ${path} as ${role}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body;
  };
  const campaign = (id: string) => call<CampaignRecord>(Role.Admin, 'GET', `/api/campaigns/${id}`);
  return {
    stack,
    url: stack.apiUrl,
    emailOf: (role) => stack.emailOf(role),
    createCampaign: (role, body) => call<CampaignRecord>(role, 'POST', '/api/campaigns', body),
    campaign,
    async publish(id) {
      await call(Role.Marketer, 'POST', `/api/campaigns/${id}/submit`, {});
      await call(Role.Manager, 'POST', `/api/campaigns/${id}/approve`, { comment: 'OK' });
      await call(Role.Marketer, 'POST', `/api/campaigns/${id}/publish`, {});
      await expectEventually(async () => {
        const current = await campaign(id);
        if (current.syncState !== 'published') {
          throw new Error(`still ${current.syncState}`);
        }
      });
      return campaign(id);
    },
    close: () => stack.close(),
  };
}
