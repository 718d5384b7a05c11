import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type Repository } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import { type AuditLogFilter } from './audit-log-list.filter';
import { AuditLogEntity } from './audit-log.entity';

export type NewAuditRow = Omit<AuditLogEntity, 'id' | 'at'>;

/** Every query on `audit_log`; each list query starts with the channel to use its indexes. */
@Injectable()
export class AuditLogRepository {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly rows: Repository<AuditLogEntity>,
  ) {}

  async insert(manager: EntityManager, row: NewAuditRow): Promise<void> {
    await manager.save(AuditLogEntity, row);
  }

  async page(
    channelId: string,
    filter: AuditLogFilter,
    query: ListQuery,
  ): Promise<Page<AuditLogEntity>> {
    const builder = this.rows
      .createQueryBuilder('log')
      .where('log.channelId = :channelId', { channelId });
    if (filter.actorUserId !== undefined) {
      builder.andWhere('log.actorUserId = :actorUserId', { actorUserId: filter.actorUserId });
    }
    if (filter.action !== undefined) {
      builder.andWhere('log.action IN (:...actions)', { actions: filter.action });
    }
    if (filter.entityType !== undefined) {
      builder.andWhere('log.entityType = :entityType', { entityType: filter.entityType });
    }
    if (filter.entityId !== undefined) {
      builder.andWhere('log.entityId = :entityId', { entityId: filter.entityId });
    }
    if (filter.from !== undefined) {
      builder.andWhere('log.at >= :from', { from: filter.from });
    }
    if (filter.to !== undefined) {
      builder.andWhere('log.at < :to', { to: filter.to });
    }
    const { order } = query.sort;
    const [items, total] = await builder
      .orderBy('log.at', order)
      .addOrderBy('log.id', order)
      .offset(query.range.start)
      .limit(query.range.end - query.range.start + 1)
      .getManyAndCount();
    return { items, total };
  }
}
