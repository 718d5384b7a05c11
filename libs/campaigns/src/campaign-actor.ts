import { type EntityManager } from 'typeorm';

import { type AuditActor, type AuditService } from '@app/audit';

/** Who acts, in which channel, from where: every campaign change is attributed in the audit log. */
export interface CampaignActor extends AuditActor {
  channelId: string;
}

/** The worker acting on a channel's behalf (no user, no IP). */
export function systemActor(channelId: string): CampaignActor {
  return { userId: null, email: null, channelId, ip: null };
}

/** One audit row for a change to a campaign, in the caller's transaction. */
export function auditCampaign(
  audit: AuditService,
  manager: EntityManager,
  actor: CampaignActor,
  action: string,
  entityId: string,
  before: object | null,
  after: object | null,
): Promise<void> {
  return audit.record(manager, {
    actor,
    action,
    entityType: 'campaign',
    entityId,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
  });
}
