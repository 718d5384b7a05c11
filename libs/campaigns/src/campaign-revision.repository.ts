import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type Repository } from 'typeorm';

import { type CampaignSnapshot } from './campaign-content';
import { CampaignRevisionEntity } from './campaign-revision.entity';

@Injectable()
export class CampaignRevisionRepository {
  constructor(
    @InjectRepository(CampaignRevisionEntity)
    private readonly revisions: Repository<CampaignRevisionEntity>,
  ) {}

  add(
    manager: EntityManager,
    input: {
      campaignId: string;
      revision: number;
      snapshot: CampaignSnapshot;
      authorId: string | null;
      reason: string;
    },
  ): Promise<CampaignRevisionEntity> {
    return manager
      .getRepository(CampaignRevisionEntity)
      .save(manager.create(CampaignRevisionEntity, input));
  }

  list(campaignId: string): Promise<CampaignRevisionEntity[]> {
    return this.revisions.find({ where: { campaignId }, order: { revision: 'DESC' } });
  }

  get(
    campaignId: string,
    revision: number,
    manager?: EntityManager,
  ): Promise<CampaignRevisionEntity | null> {
    const repository = manager ? manager.getRepository(CampaignRevisionEntity) : this.revisions;
    return repository.findOneBy({ campaignId, revision });
  }
}
