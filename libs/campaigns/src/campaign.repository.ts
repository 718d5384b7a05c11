import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import { CampaignEntity } from './campaign.entity';

export const CAMPAIGN_SORTABLE = [
  'name',
  'title',
  'startsAt',
  'updatedAt',
  'createdAt',
  'syncState',
  'approvalState',
] as const;

const COLUMN_OF: Record<(typeof CAMPAIGN_SORTABLE)[number], string> = {
  name: 'c.name',
  title: 'c.title',
  startsAt: 'c.starts_at',
  updatedAt: 'c.updated_at',
  createdAt: 'c.created_at',
  syncState: 'c.sync_state',
  approvalState: 'c.approval_state',
};

function asList(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Every campaign query lives here; the service never builds SQL. */
@Injectable()
export class CampaignRepository {
  constructor(
    @InjectRepository(CampaignEntity) private readonly campaigns: Repository<CampaignEntity>,
  ) {}

  private applyFilters(
    query: SelectQueryBuilder<CampaignEntity>,
    filter: Record<string, unknown>,
  ): SelectQueryBuilder<CampaignEntity> {
    const ids = asList(filter.id);
    if (ids) {
      query.andWhere('c.id IN (:...ids)', { ids });
    }
    if (filter.archived === true) {
      query.andWhere('c.archived_at IS NOT NULL');
    } else {
      query.andWhere('c.archived_at IS NULL');
    }
    const q = typeof filter.q === 'string' ? filter.q.trim() : '';
    if (q) {
      query.andWhere(`(c.name || ' ' || c.title) ILIKE :q`, {
        q: `%${q.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    for (const [key, column] of [
      ['syncState', 'c.sync_state'],
      ['approvalState', 'c.approval_state'],
      ['kakaoState', 'c.kakao_state'],
      ['targetCalendarId', 'c.target_calendar_id'],
      ['ownerId', 'c.owner_id'],
    ] as const) {
      const values = asList(filter[key]);
      if (values) {
        query.andWhere(`${column} IN (:...${key})`, { [key]: values });
      }
    }
    const tags = asList(filter.tag ?? filter.tags);
    if (tags) {
      query.andWhere('c.tags && :tags', { tags });
    }
    // Overlap with a window: the calendar view asks for everything visible in a month.
    if (typeof filter.startsBefore === 'string') {
      query.andWhere('c.starts_at < :startsBefore', { startsBefore: filter.startsBefore });
    }
    if (typeof filter.endsAfter === 'string') {
      query.andWhere('c.ends_at > :endsAfter', { endsAfter: filter.endsAfter });
    }
    if (typeof filter.startsFrom === 'string') {
      query.andWhere('c.starts_at >= :startsFrom', { startsFrom: filter.startsFrom });
    }
    if (typeof filter.startsTo === 'string') {
      query.andWhere('c.starts_at <= :startsTo', { startsTo: filter.startsTo });
    }
    return query;
  }

  async list(channelId: string, list: ListQuery): Promise<Page<CampaignEntity>> {
    const base = () =>
      this.applyFilters(
        this.campaigns.createQueryBuilder('c').where('c.channel_id = :channelId', { channelId }),
        list.filter,
      );
    const column = COLUMN_OF[list.sort.field as keyof typeof COLUMN_OF];
    const [items, total] = await Promise.all([
      base()
        .orderBy(column, list.sort.order)
        .addOrderBy('c.id', list.sort.order)
        .offset(list.range.start)
        .limit(list.range.end - list.range.start + 1)
        .getMany(),
      base().getCount(),
    ]);
    return { items, total };
  }

  findInChannel(
    channelId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<CampaignEntity | null> {
    const repository = manager ? manager.getRepository(CampaignEntity) : this.campaigns;
    return repository.findOneBy({ id, channelId });
  }

  /** Locks the row for the rest of the transaction, so state changes never interleave. */
  lockInChannel(
    manager: EntityManager,
    channelId: string,
    id: string,
  ): Promise<CampaignEntity | null> {
    return manager
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id AND c.channel_id = :channelId', { id, channelId })
      .getOne();
  }

  lock(manager: EntityManager, id: string): Promise<CampaignEntity | null> {
    return manager
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  /** Published campaigns of a channel that have an event at Kakao, for reconciliation. */
  withKakaoEvent(channelId: string): Promise<CampaignEntity[]> {
    return this.campaigns
      .createQueryBuilder('c')
      .where('c.channel_id = :channelId AND c.kakao_event_id IS NOT NULL', { channelId })
      .andWhere('c.archived_at IS NULL')
      .getMany();
  }

  byKakaoEventIds(channelId: string, eventIds: string[]): Promise<CampaignEntity[]> {
    if (eventIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.campaigns
      .createQueryBuilder('c')
      .where('c.channel_id = :channelId AND c.kakao_event_id IN (:...eventIds)', {
        channelId,
        eventIds,
      })
      .getMany();
  }

  save(manager: EntityManager, campaign: CampaignEntity): Promise<CampaignEntity> {
    return manager.getRepository(CampaignEntity).save(campaign);
  }

  /**
   * Writes what the worker learned from Kakao (sync and Kakao-copy fields) without bumping
   * `version`: such observations must not make an editor's pending save stale.
   */
  async saveKakaoStatus(manager: EntityManager, campaign: CampaignEntity): Promise<CampaignEntity> {
    await manager
      .getRepository(CampaignEntity)
      .createQueryBuilder()
      .update()
      .set({
        syncState: campaign.syncState,
        kakaoState: campaign.kakaoState,
        kakaoEventId: campaign.kakaoEventId,
        publishedRevision: campaign.publishedRevision,
        publishedAt: campaign.publishedAt,
        lastErrorCode: campaign.lastErrorCode,
        lastErrorMessage: campaign.lastErrorMessage,
        kakaoCheckedAt: campaign.kakaoCheckedAt,
        // Naming the version column keeps TypeORM from incrementing it.
        version: () => 'version',
      })
      .where('id = :id', { id: campaign.id })
      .execute();
    return campaign;
  }

  /** Campaigns that target one subscribe calendar, soonest first. */
  byTargetCalendar(channelId: string, calendarId: string): Promise<CampaignEntity[]> {
    return this.campaigns
      .createQueryBuilder('c')
      .where('c.channel_id = :channelId AND c.target_calendar_id = :calendarId', {
        channelId,
        calendarId,
      })
      .andWhere('c.archived_at IS NULL')
      .orderBy('c.starts_at', 'ASC')
      .limit(500)
      .getMany();
  }
}
