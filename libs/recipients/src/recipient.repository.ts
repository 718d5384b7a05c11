import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';

import { type ListQuery, type Page } from '@app/common';

import {
  RecipientConsentChangeEntity,
  RecipientRelationChangeEntity,
} from './recipient-history.entity';
import { type RecipientListFilter } from './recipient-list.filter';
import { type AttributeValue, RecipientEntity } from './recipient.entity';
import { type ChannelRelation, ConsentState, type RecipientSource } from './recipient.enums';

const SORT_COLUMN: Record<string, string> = {
  id: 'r.id',
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  optedInAt: 'r.opted_in_at',
  lastDeliveredAt: 'r.last_delivered_at',
  nickname: 'r.nickname',
  kakaoUserId: 'r.kakao_user_id',
  consentState: 'r.consent_state',
  channelRelation: 'r.channel_relation',
};

/** A recipient to create or refresh from Kakao Login or the ingest API (tokens already sealed). */
export interface RecipientUpsert {
  kakaoUserId: string;
  kakaoUuid?: string | null;
  nickname?: string | null;
  scopes: string[] | null;
  accessTokenSealed: string;
  refreshTokenSealed: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  consentState: ConsentState;
  consentReason: string | null;
  timeZone?: string | null;
  /** Replaces the tags when given. */
  tags?: string[];
  /** Merged into the attributes when given. */
  attributes?: Record<string, AttributeValue>;
}

export interface UpsertedRecipient {
  id: string;
  kakaoUserId: string;
  created: boolean;
  /** Consent before the upsert; null for a new recipient. */
  previousState: ConsentState | null;
}

/** What a sender needs of a recipient, sealed. */
export interface CredentialRow {
  id: string;
  kakaoUserId: string;
  kakaoUuid: string | null;
  timeZone: string | null;
  consentState: ConsentState;
  scopes: string[] | null;
  accessTokenSealed: string | null;
  refreshTokenSealed: string | null;
  accessTokenExpiresAt: Date | null;
}

export interface RefreshedRow {
  id: string;
  /** The sealed access token the refresh replaced: the write only lands if it is still there. */
  previousAccessSealed: string;
  accessTokenSealed: string;
  refreshTokenSealed: string;
  accessTokenExpiresAt: Date;
  /** Null when Kakao did not rotate the refresh token (its expiry stays). */
  refreshTokenExpiresAt: Date | null;
  scopes: string[] | null;
}

export interface ConsentLoss {
  id: string;
  reason: string;
  /** Only mark when this sealed access token is still the stored one (null: unconditional). */
  ifAccessSealed: string | null;
}

export interface RelationResult {
  id: string;
  relation: ChannelRelation;
}

interface CredentialDbRow {
  id: string;
  channel_id: string;
  kakao_user_id: string;
  kakao_uuid: string | null;
  time_zone: string | null;
  consent_state: ConsentState;
  scopes: string[] | null;
  access_token_sealed: string | null;
  refresh_token_sealed: string | null;
  access_token_expires_at: Date | null;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Every recipient query; services never build SQL. */
@Injectable()
export class RecipientRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOne(channelId: string, id: string): Promise<RecipientEntity | null> {
    return this.dataSource.getRepository(RecipientEntity).findOneBy({ channelId, id });
  }

  findByKakaoUserId(channelId: string, kakaoUserId: string): Promise<RecipientEntity | null> {
    return this.dataSource.getRepository(RecipientEntity).findOneBy({ channelId, kakaoUserId });
  }

  async page(
    channelId: string,
    filter: RecipientListFilter,
    query: ListQuery,
  ): Promise<Page<RecipientEntity>> {
    const builder = this.dataSource
      .getRepository(RecipientEntity)
      .createQueryBuilder('r')
      .where('r.channel_id = :channelId', { channelId });
    if (filter.q !== undefined && filter.q !== '') {
      builder.andWhere('(r.nickname ILIKE :pattern OR r.kakao_user_id = :q)', {
        pattern: likePattern(filter.q),
        q: filter.q,
      });
    }
    if (filter.tag !== undefined || filter.tags !== undefined) {
      builder.andWhere('r.tags && :tags::text[]', {
        tags: [...(filter.tag ?? []), ...(filter.tags ?? [])],
      });
    }
    if (filter.consentState !== undefined) {
      builder.andWhere('r.consent_state IN (:...consentStates)', {
        consentStates: filter.consentState,
      });
    }
    if (filter.channelRelation !== undefined) {
      builder.andWhere('r.channel_relation IN (:...channelRelations)', {
        channelRelations: filter.channelRelation,
      });
    }
    if (filter.source !== undefined) {
      builder.andWhere('r.source IN (:...sources)', { sources: filter.source });
    }
    if (filter.id !== undefined) {
      builder.andWhere('r.id IN (:...ids)', { ids: filter.id });
    }
    const [items, total] = await builder
      .orderBy(SORT_COLUMN[query.sort.field] ?? 'r.created_at', query.sort.order, 'NULLS LAST')
      .addOrderBy('r.id', query.sort.order)
      .offset(query.range.start)
      .limit(query.range.end - query.range.start + 1)
      .getManyAndCount();
    return { items, total };
  }

  /** Locks the recipient for a change by a person (edit, opt-out). */
  lockForUpdate(
    manager: EntityManager,
    channelId: string,
    id: string,
  ): Promise<RecipientEntity | null> {
    return manager.findOne(RecipientEntity, {
      where: { channelId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Creates new recipients and refreshes known ones (tokens, consent, profile) in the caller's
   * transaction. Known rows are locked first, so their previous consent is exact.
   */
  async upsertMany(
    manager: EntityManager,
    channelId: string,
    source: RecipientSource,
    items: RecipientUpsert[],
  ): Promise<UpsertedRecipient[]> {
    const results = new Map<string, UpsertedRecipient>();
    let pending = items;
    // Two rounds at most: a row another transaction inserts between our lock and our insert is
    // updated in the second round.
    for (let round = 0; round < 2 && pending.length > 0; round += 1) {
      const existing = await this.lockByKakaoIds(
        manager,
        channelId,
        pending.map((item) => item.kakaoUserId),
      );
      const toUpdate = pending.filter((item) => existing.has(item.kakaoUserId));
      const toInsert = pending.filter((item) => !existing.has(item.kakaoUserId));
      if (toUpdate.length > 0) {
        const updated = await this.updateKnown(manager, channelId, toUpdate);
        for (const row of updated) {
          results.set(row.kakaoUserId, {
            ...row,
            created: false,
            previousState: existing.get(row.kakaoUserId) ?? null,
          });
        }
      }
      if (toInsert.length > 0) {
        const inserted = await this.insertNew(manager, channelId, source, toInsert);
        for (const row of inserted) {
          results.set(row.kakaoUserId, { ...row, created: true, previousState: null });
        }
      }
      pending = pending.filter((item) => !results.has(item.kakaoUserId));
    }
    if (pending.length > 0) {
      throw new Error(
        `Could not upsert recipients ${pending.map((item) => item.kakaoUserId).join(', ')}`,
      );
    }
    return items.map((item) => results.get(item.kakaoUserId)!);
  }

  private async lockByKakaoIds(
    manager: EntityManager,
    channelId: string,
    kakaoUserIds: string[],
  ): Promise<Map<string, ConsentState>> {
    const rows = await manager.query<{ kakao_user_id: string; consent_state: ConsentState }[]>(
      `SELECT kakao_user_id, consent_state FROM recipients
        WHERE channel_id = $1 AND kakao_user_id = ANY($2::text[])
        ORDER BY kakao_user_id
        FOR UPDATE`,
      [channelId, kakaoUserIds],
    );
    return new Map(rows.map((row) => [row.kakao_user_id, row.consent_state]));
  }

  private static recordset(items: RecipientUpsert[]): string {
    return JSON.stringify(
      items.map((item) => ({
        kakao_user_id: item.kakaoUserId,
        kakao_uuid: item.kakaoUuid ?? null,
        nickname: item.nickname ?? null,
        scopes: item.scopes,
        access_token_sealed: item.accessTokenSealed,
        refresh_token_sealed: item.refreshTokenSealed,
        access_token_expires_at: item.accessTokenExpiresAt?.toISOString() ?? null,
        refresh_token_expires_at: item.refreshTokenExpiresAt?.toISOString() ?? null,
        consent_state: item.consentState,
        consent_reason: item.consentReason,
        time_zone: item.timeZone ?? null,
        tags: item.tags ?? null,
        attributes: item.attributes ?? null,
      })),
    );
  }

  private static readonly RECORD_COLUMNS = `x(
      kakao_user_id text, kakao_uuid text, nickname text, scopes jsonb,
      access_token_sealed text, refresh_token_sealed text,
      access_token_expires_at timestamptz, refresh_token_expires_at timestamptz,
      consent_state text, consent_reason text, time_zone text, tags jsonb, attributes jsonb)`;

  private insertNew(
    manager: EntityManager,
    channelId: string,
    source: RecipientSource,
    items: RecipientUpsert[],
  ): Promise<{ id: string; kakaoUserId: string }[]> {
    return manager.query(
      `INSERT INTO recipients (
         channel_id, kakao_user_id, kakao_uuid, nickname, scopes,
         access_token_sealed, refresh_token_sealed, access_token_expires_at, refresh_token_expires_at,
         consent_state, consent_reason, consent_changed_at, time_zone, tags, attributes,
         source, opted_in_at, version)
       SELECT $1, x.kakao_user_id, x.kakao_uuid, x.nickname,
              CASE WHEN x.scopes IS NULL THEN NULL
                   ELSE ARRAY(SELECT jsonb_array_elements_text(x.scopes)) END,
              x.access_token_sealed, x.refresh_token_sealed,
              x.access_token_expires_at, x.refresh_token_expires_at,
              x.consent_state, x.consent_reason, now(), x.time_zone,
              CASE WHEN x.tags IS NULL THEN '{}'::text[]
                   ELSE ARRAY(SELECT jsonb_array_elements_text(x.tags)) END,
              COALESCE(x.attributes, '{}'::jsonb), $2, now(), 1
         FROM jsonb_to_recordset($3::jsonb) AS ${RecipientRepository.RECORD_COLUMNS}
       ON CONFLICT (channel_id, kakao_user_id) DO NOTHING
       RETURNING id, kakao_user_id AS "kakaoUserId"`,
      [channelId, source, RecipientRepository.recordset(items)],
    );
  }

  private updateKnown(
    manager: EntityManager,
    channelId: string,
    items: RecipientUpsert[],
  ): Promise<{ id: string; kakaoUserId: string }[]> {
    return manager
      .query(
        `UPDATE recipients r SET
         kakao_uuid = COALESCE(x.kakao_uuid, r.kakao_uuid),
         nickname = COALESCE(x.nickname, r.nickname),
         scopes = CASE WHEN x.scopes IS NULL THEN NULL
                       ELSE ARRAY(SELECT jsonb_array_elements_text(x.scopes)) END,
         access_token_sealed = x.access_token_sealed,
         refresh_token_sealed = COALESCE(x.refresh_token_sealed, r.refresh_token_sealed),
         access_token_expires_at = x.access_token_expires_at,
         refresh_token_expires_at = CASE WHEN x.refresh_token_sealed IS NULL
                                         THEN r.refresh_token_expires_at
                                         ELSE x.refresh_token_expires_at END,
         consent_state = x.consent_state,
         consent_reason = x.consent_reason,
         consent_changed_at = CASE WHEN r.consent_state = x.consent_state
                                   THEN r.consent_changed_at ELSE now() END,
         opted_in_at = CASE WHEN r.consent_state = 'active' THEN r.opted_in_at ELSE now() END,
         time_zone = COALESCE(x.time_zone, r.time_zone),
         tags = CASE WHEN x.tags IS NULL THEN r.tags
                     ELSE ARRAY(SELECT jsonb_array_elements_text(x.tags)) END,
         attributes = r.attributes || COALESCE(x.attributes, '{}'::jsonb),
         version = r.version + 1,
         updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS ${RecipientRepository.RECORD_COLUMNS}
       WHERE r.channel_id = $1 AND r.kakao_user_id = x.kakao_user_id
       RETURNING r.id, r.kakao_user_id AS "kakaoUserId"`,
        [channelId, RecipientRepository.recordset(items)],
      )
      .then((result: [{ id: string; kakaoUserId: string }[], number]) => result[0]);
  }

  /** Sealed tokens and sending fields of the given recipients of a channel, in one query. */
  async credentialRows(channelId: string, ids: string[]): Promise<CredentialRow[]> {
    const rows = await this.dataSource.query<CredentialDbRow[]>(
      // By primary key alone: with a channel condition too, a table without statistics yet
      // (right after a large import) was planned as a scan of the whole channel.
      `SELECT id, channel_id, kakao_user_id, kakao_uuid, time_zone, consent_state, scopes,
              access_token_sealed, refresh_token_sealed, access_token_expires_at
         FROM recipients
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows
      .filter((row) => row.channel_id === channelId)
      .map((row) => ({
        id: row.id,
        kakaoUserId: row.kakao_user_id,
        kakaoUuid: row.kakao_uuid,
        timeZone: row.time_zone,
        consentState: row.consent_state,
        scopes: row.scopes,
        accessTokenSealed: row.access_token_sealed,
        refreshTokenSealed: row.refresh_token_sealed,
        accessTokenExpiresAt: row.access_token_expires_at,
      }));
  }

  /**
   * Stores refreshed tokens in one statement. A row whose access token changed meanwhile (another
   * worker refreshed it) is left alone; the ids written are returned.
   */
  async storeRefreshed(rows: RefreshedRow[]): Promise<Set<string>> {
    if (rows.length === 0) {
      return new Set();
    }
    const written = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE recipients r SET
         access_token_sealed = u.access_token_sealed,
         refresh_token_sealed = u.refresh_token_sealed,
         access_token_expires_at = u.access_expires_at,
         refresh_token_expires_at = COALESCE(u.refresh_expires_at, r.refresh_token_expires_at),
         scopes = CASE WHEN u.scopes IS NULL THEN r.scopes
                       ELSE ARRAY(SELECT jsonb_array_elements_text(u.scopes)) END
       FROM jsonb_to_recordset($1::jsonb) AS u(
         id uuid, previous_access_sealed text, access_token_sealed text, refresh_token_sealed text,
         access_expires_at timestamptz, refresh_expires_at timestamptz, scopes jsonb)
       WHERE r.id = u.id AND r.access_token_sealed = u.previous_access_sealed
       RETURNING r.id`,
      [
        JSON.stringify(
          rows.map((row) => ({
            id: row.id,
            previous_access_sealed: row.previousAccessSealed,
            access_token_sealed: row.accessTokenSealed,
            refresh_token_sealed: row.refreshTokenSealed,
            access_expires_at: row.accessTokenExpiresAt.toISOString(),
            refresh_expires_at: row.refreshTokenExpiresAt?.toISOString() ?? null,
            scopes: row.scopes,
          })),
        ),
      ],
    );
    return new Set(written[0].map((row) => row.id));
  }

  /**
   * Moves active recipients to `needs_consent` with their reason and records each change; the
   * ids actually changed are returned (others were not active, or their token changed).
   */
  async markNeedsConsent(losses: ConsentLoss[]): Promise<Set<string>> {
    if (losses.length === 0) {
      return new Set();
    }
    const rows = await this.dataSource.query<{ recipient_id: string }[]>(
      `WITH changed AS (
         UPDATE recipients r SET
           consent_state = 'needs_consent',
           consent_reason = u.reason,
           consent_changed_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, reason text, if_access_sealed text)
         WHERE r.id = u.id AND r.consent_state = 'active'
           AND (u.if_access_sealed IS NULL OR r.access_token_sealed = u.if_access_sealed)
         RETURNING r.id, r.channel_id, u.reason
       )
       INSERT INTO recipient_consent_changes (recipient_id, channel_id, from_state, to_state, reason)
       SELECT id, channel_id, 'active', 'needs_consent', reason FROM changed
       RETURNING recipient_id`,
      [
        JSON.stringify(
          losses.map((loss) => ({
            id: loss.id,
            reason: loss.reason,
            if_access_sealed: loss.ifAccessSealed,
          })),
        ),
      ],
    );
    return new Set(rows.map((row) => row.recipient_id));
  }

  /** Raises last_delivered_at (never lowers it) for many recipients in one statement. */
  async recordDelivered(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.dataSource.query(
      `UPDATE recipients SET last_delivered_at = $2
        WHERE id = ANY($1::uuid[]) AND (last_delivered_at IS NULL OR last_delivered_at < $2)`,
      [ids, at],
    );
  }

  async recordConsentChanges(
    manager: EntityManager,
    changes: {
      recipientId: string;
      channelId: string;
      from: ConsentState | null;
      to: ConsentState;
      reason: string | null;
      actorUserId: string | null;
    }[],
  ): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    await manager.insert(
      RecipientConsentChangeEntity,
      changes.map((change) => ({
        recipientId: change.recipientId,
        channelId: change.channelId,
        fromState: change.from,
        toState: change.to,
        reason: change.reason,
        actorUserId: change.actorUserId,
      })),
    );
  }

  consentHistory(recipientId: string, limit: number): Promise<RecipientConsentChangeEntity[]> {
    return this.dataSource.getRepository(RecipientConsentChangeEntity).find({
      where: { recipientId },
      order: { changedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  relationHistory(recipientId: string, limit: number): Promise<RecipientRelationChangeEntity[]> {
    return this.dataSource.getRepository(RecipientRelationChangeEntity).find({
      where: { recipientId },
      order: { changedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** The recipients whose relation was checked longest ago (never checked first). */
  async relationCandidates(
    channelId: string,
    limit: number,
  ): Promise<{ id: string; kakaoUserId: string }[]> {
    return this.dataSource.query(
      `SELECT id, kakao_user_id AS "kakaoUserId" FROM recipients
        WHERE channel_id = $1 AND consent_state <> 'revoked'
        ORDER BY channel_relation_checked_at ASC NULLS FIRST, id
        LIMIT $2`,
      [channelId, limit],
    );
  }

  /**
   * Writes checked relations (and the check time) and records the ones that changed, in one
   * transaction. Returns how many changed.
   */
  async storeRelations(
    channelId: string,
    results: RelationResult[],
    checkedAt: Date,
    manager?: EntityManager,
  ): Promise<number> {
    if (results.length === 0) {
      return 0;
    }
    const run = (work: EntityManager) =>
      work.query<{ id: string }[]>(
        `WITH input AS (
           SELECT * FROM jsonb_to_recordset($2::jsonb) AS u(id uuid, relation text)
         ), previous AS (
           SELECT r.id, r.channel_relation AS relation FROM recipients r
             JOIN input u ON u.id = r.id
            WHERE r.channel_id = $1
         ), written AS (
           UPDATE recipients r SET channel_relation = u.relation, channel_relation_checked_at = $3
             FROM input u
            WHERE r.id = u.id AND r.channel_id = $1
           RETURNING r.id
         )
         INSERT INTO recipient_relation_changes (recipient_id, channel_id, from_relation, to_relation, changed_at)
         SELECT p.id, $1, p.relation, u.relation, $3
           FROM previous p JOIN input u ON u.id = p.id
          WHERE p.relation <> u.relation AND p.id IN (SELECT id FROM written)
         RETURNING recipient_id AS id`,
        [channelId, JSON.stringify(results), checkedAt],
      );
    const changed = manager
      ? await run(manager)
      : await this.dataSource.transaction((work) => run(work));
    return changed.length;
  }

  /** Marks recipients checked without a new relation (e.g. Kakao says they unlinked the app). */
  async touchRelationChecked(ids: string[], checkedAt: Date): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.dataSource.query(
      `UPDATE recipients SET channel_relation_checked_at = $2 WHERE id = ANY($1::uuid[])`,
      [ids, checkedAt],
    );
  }
}
