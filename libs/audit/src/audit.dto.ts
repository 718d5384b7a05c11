import { type AuditLogEntity } from './audit-log.entity';

export interface AuditLogResponse {
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

export function toAuditLogResponse(row: AuditLogEntity): AuditLogResponse {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    channelId: row.channelId,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  };
}
