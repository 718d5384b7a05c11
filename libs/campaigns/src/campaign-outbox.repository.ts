import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, type Repository } from 'typeorm';

import { CampaignOutboxEntity } from './campaign-outbox.entity';
import { type OutboxAction, OutboxStatus } from './campaign.enums';

@Injectable()
export class CampaignOutboxRepository {
  constructor(
    @InjectRepository(CampaignOutboxEntity)
    private readonly outbox: Repository<CampaignOutboxEntity>,
  ) {}

  openFor(manager: EntityManager, campaignId: string): Promise<CampaignOutboxEntity | null> {
    return manager
      .getRepository(CampaignOutboxEntity)
      .findOneBy({ campaignId, status: OutboxStatus.Pending });
  }

  add(
    manager: EntityManager,
    input: { campaignId: string; channelId: string; action: OutboxAction; revision: number | null },
  ): Promise<CampaignOutboxEntity> {
    return manager
      .getRepository(CampaignOutboxEntity)
      .save(manager.create(CampaignOutboxEntity, input));
  }

  get(id: string): Promise<CampaignOutboxEntity | null> {
    return this.outbox.findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<CampaignOutboxEntity | null> {
    return manager
      .getRepository(CampaignOutboxEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
  }

  save(manager: EntityManager, row: CampaignOutboxEntity): Promise<CampaignOutboxEntity> {
    return manager.getRepository(CampaignOutboxEntity).save(row);
  }

  /** Counts a started attempt (and a started create call) in its own short transaction. */
  async countAttempt(id: string, createCall: boolean): Promise<void> {
    await this.outbox
      .createQueryBuilder()
      .update()
      .set({
        attempts: () => 'attempts + 1',
        ...(createCall ? { createCalls: () => 'create_calls + 1' } : {}),
      })
      .where('id = :id', { id })
      .execute();
  }

  async recordTransientError(id: string, code: string, message: string): Promise<void> {
    await this.outbox.update({ id }, { lastErrorCode: code, lastErrorMessage: message });
  }

  /** Pending rows not touched for a while: their job may be gone. */
  stalePending(olderThan: Date, limit = 500): Promise<CampaignOutboxEntity[]> {
    return this.outbox.find({
      where: { status: OutboxStatus.Pending, updatedAt: LessThan(olderThan) },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}
