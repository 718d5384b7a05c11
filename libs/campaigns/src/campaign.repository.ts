import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository, type SelectQueryBuilder } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import { type CampaignListFilter } from './campaign-list.filter';
import { CampaignEntity } from './campaign.entity';

export const CAMPAIGN_SORTABLE = [
  'id',
  'name',
  'title',
  'startsAt',
  'updatedAt',
  'createdAt',
  'syncState',
  'approvalState',
] as const;

const COLUMN_OF: Record<(typeof CAMPAIGN_SORTABLE)[number], string> = {
  id: 'c.id',
  name: 'c.name',
  title: 'c.title',
  startsAt: 'c.starts_at',
  updatedAt: 'c.updated_at',
  createdAt: 'c.created_at',
  syncState: 'c.sync_state',
  approvalState: 'c.approval_state',
};

/** Every campaign query lives here; the service never builds SQL. */
@Injectable()
export class CampaignRepository {
  constructor(
    @InjectRepository(CampaignEntity) private readonly campaigns: Repository<CampaignEntity>,
  ) {}

  private applyFilters(
    query: SelectQueryBuilder<CampaignEntity>,
    filter: CampaignListFilter,
  ): SelectQueryBuilder<CampaignEntity> {
    if (filter.id) {
      query.andWhere('c.id IN (:...ids)', { ids: filter.id });
    }
    // Live lists match the partial indexes (WHERE archived_at IS NULL) of every sort key.
    query.andWhere(filter.archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL');
    if (filter.q) {
      query.andWhere(`(c.name || ' ' || c.title) ILIKE :q`, {
        q: `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    for (const [values, column, name] of [
      [filter.syncState, 'c.sync_state', 'syncStates'],
      [filter.approvalState, 'c.approval_state', 'approvalStates'],
      [filter.kakaoState, 'c.kakao_state', 'kakaoStates'],
      [filter.targetCalendarId, 'c.target_calendar_id', 'targetCalendarIds'],
      [filter.ownerId, 'c.owner_id', 'ownerIds'],
    ] as const) {
      if (values) {
        query.andWhere(`${column} IN (:...${name})`, { [name]: values });
      }
    }
    if (filter.tag || filter.tags) {
      query.andWhere('c.tags && :tags', { tags: [...(filter.tag ?? []), ...(filter.tags ?? [])] });
    }
    // Overlap of the whole series with a window (the calendar view asks for everything visible
    // in a month, repeats of earlier campaigns too): one range condition the GiST index answers,
    // instead of two open-ended b-tree ranges. A series without end has an unbounded range.
    const { startsBefore, endsAfter } = filter;
    if (startsBefore && endsAfter && endsAfter < startsBefore) {
      query.andWhere(
        'tstzrange(c.starts_at, c.series_ends_at) && tstzrange(:endsAfter, :startsBefore)',
        { endsAfter, startsBefore },
      );
    } else {
      if (startsBefore) {
        query.andWhere('c.starts_at < :startsBefore', { startsBefore });
      }
      if (endsAfter) {
        query.andWhere('(c.series_ends_at IS NULL OR c.series_ends_at > :endsAfter)', {
          endsAfter,
        });
      }
    }
    if (filter.startsFrom) {
      query.andWhere('c.starts_at >= :startsFrom', { startsFrom: filter.startsFrom });
    }
    if (filter.startsTo) {
      query.andWhere('c.starts_at <= :startsTo', { startsTo: filter.startsTo });
    }
    return query;
  }

  /**
   * One page and the total. The page is found by id first (an index-only scan of the sort key's
   * index, however deep the page), then only its rows are read. The total is counted only when
   * the page does not tell it (a short page is the last one).
   */
  async list(
    channelId: string,
    filter: CampaignListFilter,
    list: Pick<ListQuery, 'sort' | 'range'>,
  ): Promise<Page<CampaignEntity>> {
    const base = () =>
      this.applyFilters(
        this.campaigns.createQueryBuilder('c').where('c.channel_id = :channelId', { channelId }),
        filter,
      );
    const column = COLUMN_OF[list.sort.field as keyof typeof COLUMN_OF];
    const { start, end } = list.range;
    const limit = end - start + 1;
    const rows = await base()
      .select('c.id', 'id')
      .orderBy(column, list.sort.order)
      .addOrderBy('c.id', list.sort.order)
      .offset(start)
      .limit(limit)
      .getRawMany<{ id: string }>();
    const ids = rows.map((row) => row.id);
    const knownTotal = ids.length < limit && (ids.length > 0 || start === 0);
    const [found, total] = await Promise.all([
      ids.length > 0 ? this.campaigns.findBy({ id: In(ids) }) : Promise.resolve([]),
      knownTotal ? Promise.resolve(start + ids.length) : this.count(base()),
    ]);
    const byId = new Map(found.map((campaign) => [campaign.id, campaign]));
    const items = ids
      .map((id) => byId.get(id))
      .filter((campaign): campaign is CampaignEntity => campaign !== undefined);
    return { items, total };
  }

  /** count(*), which the partial indexes answer from the index alone (TypeORM counts DISTINCT ids). */
  private async count(query: SelectQueryBuilder<CampaignEntity>): Promise<number> {
    const row = await query.select('COUNT(*)', 'count').getRawOne<{ count: string }>();
    return Number(row?.count ?? 0);
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
   * `version` or `updatedAt`: such observations must not make an editor's pending save stale,
   * nor reorder the list as if every campaign had just been edited (`kakaoCheckedAt` says when).
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
        // Naming the version and update-date columns keeps TypeORM from bumping them.
        version: () => 'version',
        updatedAt: () => 'updated_at',
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
