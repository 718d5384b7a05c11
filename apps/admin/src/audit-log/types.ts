/** `GET /api/audit-log` rows (libs/audit/src/audit.dto.ts). */
export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  channelId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const AUDIT_ENTITY_TYPES = ['campaign', 'user', 'channel'] as const;
