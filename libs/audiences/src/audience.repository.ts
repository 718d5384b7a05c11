import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';
import { RecipientEntity } from '@app/recipients';

import { type AudienceListFilter } from './audience-list.filter';
import { type AudienceDefinition, SqlParams } from './audience-sql';
import { AudienceEntity } from './audience.entity';

/** The predicate of a membership test, compiled by the service with parameters from `$offset`. */
export type MembershipSql = (params: SqlParams) => string;

const SORT_COLUMN: Record<string, string> = {
  id: 'a.id',
  name: 'a.name',
  createdAt: 'a.created_at',
  updatedAt: 'a.updated_at',
  kind: 'a.kind',
};

const MEMBER_SORT_COLUMN: Record<string, string> = {
  createdAt: 'r.created_at',
  nickname: 'r.nickname',
  kakaoUserId: 'r.kakao_user_id',
  consentState: 'r.consent_state',
};

// A live-size query over a big table must not hold a connection for ever.
const PREVIEW_TIMEOUT_MS = 15_000;

/** Every audience query, including the compiled membership ones over `recipients`. */
@Injectable()
export class AudienceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get audiences() {
    return this.dataSource.getRepository(AudienceEntity);
  }

  findOne(channelId: string, id: string): Promise<AudienceEntity | null> {
    return this.audiences.findOneBy({ channelId, id });
  }

  lockForUpdate(
    manager: EntityManager,
    channelId: string,
    id: string,
  ): Promise<AudienceEntity | null> {
    return manager.findOne(AudienceEntity, {
      where: { channelId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Whether a live audience of the channel already has this name (case-insensitive). */
  async nameTaken(
    manager: EntityManager,
    channelId: string,
    name: string,
    exceptId: string | null,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM audiences
        WHERE channel_id = $1 AND lower(name) = lower($2) AND archived_at IS NULL
          AND ($3::uuid IS NULL OR id <> $3::uuid)
        LIMIT 1`,
      [channelId, name, exceptId],
    );
    return rows.length > 0;
  }

  /** Every audience of the channel as the compiler sees it (archived ones included). */
  async definitions(
    channelId: string,
    manager?: EntityManager,
  ): Promise<Map<string, AudienceDefinition>> {
    const rows = await (manager ?? this.dataSource.manager).find(AudienceEntity, {
      where: { channelId },
      select: { id: true, kind: true, rules: true, exclude: true },
    });
    return new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, kind: row.kind, rules: row.rules, exclude: row.exclude },
      ]),
    );
  }

  /** Live audiences of the channel whose exclusions name `id`. */
  async excludedBy(channelId: string, id: string): Promise<AudienceEntity[]> {
    return this.audiences
      .createQueryBuilder('a')
      .where('a.channel_id = :channelId', { channelId })
      .andWhere('a.archived_at IS NULL')
      .andWhere(`a.exclude -> 'audienceIds' @> :ids::jsonb`, { ids: JSON.stringify([id]) })
      .getMany();
  }

  async page(
    channelId: string,
    filter: AudienceListFilter,
    query: ListQuery,
  ): Promise<Page<AudienceEntity>> {
    const builder = this.audiences
      .createQueryBuilder('a')
      .where('a.channel_id = :channelId', { channelId });
    builder.andWhere(
      filter.archived === true ? 'a.archived_at IS NOT NULL' : 'a.archived_at IS NULL',
    );
    if (filter.q !== undefined && filter.q !== '') {
      builder.andWhere('a.name ILIKE :pattern', {
        pattern: `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
      });
    }
    if (filter.kind !== undefined) {
      builder.andWhere('a.kind IN (:...kinds)', { kinds: filter.kind });
    }
    if (filter.id !== undefined) {
      builder.andWhere('a.id IN (:...ids)', { ids: filter.id });
    }
    const [items, total] = await builder
      .orderBy(SORT_COLUMN[query.sort.field] ?? 'a.created_at', query.sort.order)
      .addOrderBy('a.id', query.sort.order)
      .offset(query.range.start)
      .limit(query.range.end - query.range.start + 1)
      .getManyAndCount();
    return { items, total };
  }

  /** Recipients matching now: `count` with consent active, `matching` regardless of consent. */
  async size(
    channelId: string,
    membership: MembershipSql,
  ): Promise<{ count: number; matching: number }> {
    const params = new SqlParams(1);
    const where = membership(params);
    return this.withTimeout(async (manager) => {
      const [row] = await manager.query<{ count: string; matching: string }[]>(
        `SELECT count(*) FILTER (WHERE r.consent_state = 'active') AS count, count(*) AS matching
           FROM recipients r
          WHERE r.channel_id = $1 AND ${where}`,
        [channelId, ...params.values],
      );
      return { count: Number(row?.count ?? 0), matching: Number(row?.matching ?? 0) };
    });
  }

  /** Active members only. */
  async count(channelId: string, membership: MembershipSql): Promise<number> {
    const params = new SqlParams(1);
    const where = membership(params);
    const [row] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM recipients r
        WHERE r.channel_id = $1 AND r.consent_state = 'active' AND ${where}`,
      [channelId, ...params.values],
    );
    return Number(row?.count ?? 0);
  }

  /**
   * Ids of active members, ascending, strictly after `after`: a keyset page over the
   * (channel_id, id) index, never OFFSET.
   */
  async idsAfter(
    channelId: string,
    membership: MembershipSql,
    after: string | null,
    limit: number,
  ): Promise<string[]> {
    const fixed = after === null ? 2 : 3;
    const params = new SqlParams(fixed);
    const where = membership(params);
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT r.id FROM recipients r
        WHERE r.channel_id = $1 AND r.consent_state = 'active'
          ${after === null ? '' : 'AND r.id > $3::uuid'}
          AND ${where}
        ORDER BY r.id
        LIMIT $2`,
      after === null
        ? [channelId, limit, ...params.values]
        : [channelId, limit, after, ...params.values],
    );
    return rows.map((row) => row.id);
  }

  /**
   * One page of the audience's members whatever their consent (a member table shows who opted
   * out too), with the total; `q` is a nickname substring or an exact Kakao user id.
   */
  async memberPage(
    channelId: string,
    membership: MembershipSql,
    q: string | undefined,
    query: ListQuery,
  ): Promise<Page<RecipientEntity>> {
    const params = new SqlParams(0);
    const channel = params.add(channelId, 'uuid');
    const search =
      q === undefined || q === ''
        ? ''
        : `AND (r.nickname ILIKE ${params.add(
            `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
            'text',
          )} OR r.kakao_user_id = ${params.add(q, 'text')})`;
    const where = membership(params);
    const filtered = `FROM recipients r WHERE r.channel_id = ${channel} ${search} AND ${where}`;
    const order = MEMBER_SORT_COLUMN[query.sort.field] ?? 'r.created_at';
    const direction = query.sort.order === 'ASC' ? 'ASC' : 'DESC';
    const paging = new SqlParams(params.values.length);
    const limit = paging.add(query.range.end - query.range.start + 1, 'int');
    const offset = paging.add(query.range.start, 'int');
    const [rows, counted] = await this.withTimeout(
      async (manager): Promise<[{ id: string }[], { total: string }[]]> => [
        await manager.query<{ id: string }[]>(
          `SELECT r.id ${filtered}
          ORDER BY ${order} ${direction} NULLS LAST, r.id ${direction}
          LIMIT ${limit} OFFSET ${offset}`,
          [...params.values, ...paging.values],
        ),
        await manager.query<{ total: string }[]>(
          `SELECT count(*) AS total ${filtered}`,
          params.values,
        ),
      ],
    );
    const total = Number(counted[0]?.total ?? 0);
    if (rows.length === 0) {
      return { items: [], total };
    }
    const byId = new Map(
      (
        await this.dataSource
          .getRepository(RecipientEntity)
          .find({ where: { id: In(rows.map((row) => row.id)) } })
      ).map((recipient) => [recipient.id, recipient]),
    );
    return {
      items: rows.flatMap((row) => byId.get(row.id) ?? []),
      total,
    };
  }

  /** Up to `limit` active members, as entities, by id. */
  async sample(
    channelId: string,
    membership: MembershipSql,
    limit: number,
  ): Promise<RecipientEntity[]> {
    const ids = await this.withTimeout((manager) => {
      const params = new SqlParams(2);
      const where = membership(params);
      return manager.query<{ id: string }[]>(
        `SELECT r.id FROM recipients r
          WHERE r.channel_id = $1 AND r.consent_state = 'active' AND ${where}
          ORDER BY r.id LIMIT $2`,
        [channelId, limit, ...params.values],
      );
    });
    if (ids.length === 0) {
      return [];
    }
    return this.dataSource.getRepository(RecipientEntity).find({
      where: { id: In(ids.map((row) => row.id)) },
      order: { id: 'ASC' },
    });
  }

  /** Adds recipients of the channel to a static audience; answers the ids that were added. */
  async addMembers(
    manager: EntityManager,
    channelId: string,
    audienceId: string,
    recipientIds: string[],
  ): Promise<number> {
    if (recipientIds.length === 0) {
      return 0;
    }
    const rows = await manager.query<{ recipient_id: string }[]>(
      `INSERT INTO audience_members (audience_id, recipient_id)
       SELECT $1, r.id FROM recipients r WHERE r.channel_id = $2 AND r.id = ANY($3::uuid[])
       ON CONFLICT DO NOTHING
       RETURNING recipient_id`,
      [audienceId, channelId, recipientIds],
    );
    return rows.length;
  }

  async removeMembers(
    manager: EntityManager,
    audienceId: string,
    recipientIds: string[],
  ): Promise<number> {
    if (recipientIds.length === 0) {
      return 0;
    }
    const [, count] = await manager.query<[unknown[], number]>(
      `DELETE FROM audience_members WHERE audience_id = $1 AND recipient_id = ANY($2::uuid[])`,
      [audienceId, recipientIds],
    );
    return count;
  }

  /** The staged rows of a member-list import become members (in the import's transaction). */
  async addMembersFromImport(
    manager: EntityManager,
    audienceId: string,
    importId: string,
  ): Promise<number> {
    const rows = await manager.query<{ recipient_id: string }[]>(
      `INSERT INTO audience_members (audience_id, recipient_id)
       SELECT $1, s.recipient_id FROM recipient_import_rows s WHERE s.import_id = $2
       ON CONFLICT DO NOTHING
       RETURNING recipient_id`,
      [audienceId, importId],
    );
    return rows.length;
  }

  /** Recipient ids of the channel by id or Kakao user id; the rest are reported unknown. */
  async resolveRecipients(
    channelId: string,
    recipientIds: string[],
    kakaoUserIds: string[],
  ): Promise<{ ids: string[]; unknown: string[] }> {
    const rows = await this.dataSource.query<{ id: string; kakao_user_id: string }[]>(
      `SELECT id, kakao_user_id FROM recipients
        WHERE channel_id = $1 AND (id = ANY($2::uuid[]) OR kakao_user_id = ANY($3::text[]))`,
      [channelId, recipientIds, kakaoUserIds],
    );
    const byId = new Set(rows.map((row) => row.id));
    const byKakao = new Map(rows.map((row) => [row.kakao_user_id, row.id]));
    const ids = new Set<string>();
    const unknown: string[] = [];
    for (const id of recipientIds) {
      if (byId.has(id)) {
        ids.add(id);
      } else {
        unknown.push(id);
      }
    }
    for (const kakaoUserId of kakaoUserIds) {
      const id = byKakao.get(kakaoUserId);
      if (id === undefined) {
        unknown.push(kakaoUserId);
      } else {
        ids.add(id);
      }
    }
    return { ids: [...ids], unknown };
  }

  private withTimeout<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${PREVIEW_TIMEOUT_MS}`);
      return work(manager);
    });
  }
}
