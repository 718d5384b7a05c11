import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import { type AuditActor } from './audit-actor';
import { type AuditLogFilter } from './audit-log-list.filter';
import { type AuditLogEntity } from './audit-log.entity';
import { AuditLogRepository } from './audit-log.repository';
import { redactSecrets } from './audit-redaction';

/** One change to record. Snapshots hold the entity's fields as the API shows them, never secrets. */
export interface AuditEntry {
  actor: AuditActor;
  /** `<entity>.<verb>` in snake_case, e.g. `campaign.update`, `user.membership_add`. */
  action: string;
  entityType: string;
  entityId: string;
  /** The channel whose log shows the row; defaults to the actor's current channel. */
  channelId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const ACTION_FORMAT = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

@Injectable()
export class AuditService {
  constructor(private readonly auditLog: AuditLogRepository) {}

  /**
   * Writes the entry with the caller's transaction, so the change and its audit row commit or
   * roll back together. Refuses a manager outside a transaction: that would break the pairing.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record needs the EntityManager of an open transaction');
    }
    if (!ACTION_FORMAT.test(entry.action)) {
      throw new Error(`Audit action "${entry.action}" must look like "entity.verb"`);
    }
    await this.auditLog.insert(manager, {
      actorUserId: entry.actor.userId,
      actorEmail: entry.actor.email,
      channelId: entry.channelId === undefined ? entry.actor.channelId : entry.channelId,
      ip: entry.actor.ip,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ? redactSecrets(entry.before) : null,
      after: entry.after ? redactSecrets(entry.after) : null,
    });
  }

  /** One page of a channel's audit trail, newest first by default; filters as in the query. */
  list(channelId: string, query: ListQuery<AuditLogFilter>): Promise<Page<AuditLogEntity>> {
    return this.auditLog.page(channelId, query.filter, query);
  }
}
